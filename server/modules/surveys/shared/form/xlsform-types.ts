/**
 * XLSForm's `type` column read into the model's types: the spellings Kobo and ODK users write
 * (aliases and old forms, as pyxform takes them), our two extensions, and the types InCaS leaves
 * out, each with the reason given to the author (docs/decisions/0034-questionnaire-model.md).
 */
import type { QuestionType } from './model.js';

export type ParsedType =
  | { kind: 'question'; type: Exclude<QuestionType, 'select_one' | 'select_multiple' | 'yes_no'> }
  | { kind: 'select'; type: 'select_one' | 'select_multiple'; listName: string; other: boolean }
  | { kind: 'begin'; container: 'group' | 'repeat' }
  | { kind: 'end'; container: 'group' | 'repeat' }
  | { kind: 'left_out'; why: LeftOutReason }
  | { kind: 'unknown' };

export type LeftOutReason = 'coordinates' | 'media' | 'device' | 'not_supported';

/** Why a type is left out, told to the author in both languages. */
export const leftOutReasons: Record<LeftOutReason, { it: string; en: string }> = {
  coordinates: {
    it: 'InCaS non conserva coordinate geografiche',
    en: 'InCaS never stores geographic coordinates',
  },
  media: {
    it: 'InCaS non raccoglie foto, audio, video o file nei questionari',
    en: 'InCaS does not collect photos, audio, video or files in questionnaires',
  },
  device: {
    it: 'dato del dispositivo o della sessione, che InCaS registra da sé quando serve',
    en: 'device or session metadata, which InCaS records itself where needed',
  },
  not_supported: {
    it: 'tipo non previsto dai questionari di InCaS',
    en: 'a type InCaS questionnaires do not have',
  },
};

const SIMPLE: Record<string, Exclude<QuestionType, 'select_one' | 'select_multiple' | 'yes_no'>> = {
  text: 'text',
  string: 'text',
  'add text prompt': 'text',
  integer: 'integer',
  int: 'integer',
  'add integer prompt': 'integer',
  decimal: 'decimal',
  'add decimal prompt': 'decimal',
  date: 'date',
  'add date prompt': 'date',
  note: 'note',
  'add note prompt': 'note',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  calculate: 'calculate',
  // our extensions (decision 0034)
  range_estimate: 'range_estimate',
  'range estimate': 'range_estimate',
  reference_period: 'reference_period',
  'reference period': 'reference_period',
};

const CONTAINERS: Record<string, Extract<ParsedType, { kind: 'begin' | 'end' }>> = {
  'begin group': { kind: 'begin', container: 'group' },
  begin_group: { kind: 'begin', container: 'group' },
  'end group': { kind: 'end', container: 'group' },
  end_group: { kind: 'end', container: 'group' },
  'begin repeat': { kind: 'begin', container: 'repeat' },
  begin_repeat: { kind: 'begin', container: 'repeat' },
  'end repeat': { kind: 'end', container: 'repeat' },
  end_repeat: { kind: 'end', container: 'repeat' },
};

const LEFT_OUT: Record<string, LeftOutReason> = {};
const leaveOut = (why: LeftOutReason, ...types: string[]) => types.forEach((t) => (LEFT_OUT[t] = why));
leaveOut('coordinates', 'geopoint', 'geotrace', 'geoshape', 'location', 'start-geopoint', 'background-geopoint');
leaveOut('media', 'image', 'photo', 'audio', 'video', 'file', 'background-audio', 'signature', 'barcode');
leaveOut(
  'device',
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'subscriberid',
  'simserial',
  'phonenumber',
  'phone number',
  'username',
  'email',
  'audit',
);
leaveOut('not_supported', 'time', 'datetime', 'range', 'rank', 'hidden', 'xml-external', 'csv-external');

const EXTERNAL_SELECTS = [
  'select_one_from_file',
  'select_multiple_from_file',
  'select one from file',
  'select multiple from file',
  'select_one_external',
  'select one external',
];

/** The select spellings, longest first so that "select all that apply from" wins over "select all that apply". */
const SELECTS: [string, 'select_one' | 'select_multiple'][] = (
  [
    ['select_one', 'select_one'],
    ['select one', 'select_one'],
    ['select one from', 'select_one'],
    ['select1', 'select_one'],
    ['add select one prompt using', 'select_one'],
    ['select_multiple', 'select_multiple'],
    ['select multiple', 'select_multiple'],
    ['select all that apply', 'select_multiple'],
    ['select all that apply from', 'select_multiple'],
    ['add select multiple prompt using', 'select_multiple'],
  ] as [string, 'select_one' | 'select_multiple'][]
).sort((a, b) => b[0].length - a[0].length);

/** The `type` cell of a survey row, read ignoring case and runs of spaces (a list name keeps its case). */
export function parseType(raw: string): ParsedType {
  const text = raw.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const simple = SIMPLE[lower];
  if (simple) return { kind: 'question', type: simple };
  const container = CONTAINERS[lower];
  if (container) return container;
  if (lower.startsWith('uri:')) return { kind: 'left_out', why: 'device' };
  const leftOut = LEFT_OUT[lower];
  if (leftOut) return { kind: 'left_out', why: leftOut };
  // selects from a file or an external list: the type is followed by the file or list name
  if (EXTERNAL_SELECTS.some((s) => lower.startsWith(`${s} `))) return { kind: 'left_out', why: 'not_supported' };
  for (const [spelling, type] of SELECTS) {
    if (!lower.startsWith(`${spelling} `)) continue;
    const words = text.slice(spelling.length + 1).split(' ');
    let other = false;
    const last = words.at(-1)!.toLowerCase();
    if (words.length === 2 && last === 'or_other') other = true;
    else if (words.length === 3 && last === 'other' && words[1]!.toLowerCase() === 'or') other = true;
    else if (words.length !== 1) return { kind: 'unknown' };
    return { kind: 'select', type, listName: words[0]!, other };
  }
  return { kind: 'unknown' };
}

/** The codes that make a two-choice list a yes/no list (the answer stays the list's code). */
export const YES_CODES = new Set(['yes', 'si', 'sì', 'y', 's', '1', 'true']);
export const NO_CODES = new Set(['no', 'n', '0', 'false']);
