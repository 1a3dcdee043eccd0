/**
 * How the questionnaire's inputs read and write answers: numbers typed the Italian way, dates as
 * gg/mm/aaaa, periods by day, month or year. Only the reading of what people type lives here: what
 * is valid is the form engine's call (web/src/lib/form-engine.ts) — text that cannot be read is
 * passed on as typed, and the engine reports it next to the question.
 */
// '.js' and no import of the engine: the web's unit tests (tests/web) compile this file as Node does
import { parseNumber } from '../../../lib/number.js';

/** The form's languages and texts (as the model's FormLanguage and LocalText) */
type FormLanguage = 'it' | 'en';
type LocalText = { it?: string; en?: string };

/** A text of the form in the language asked, the other one standing in, the code last */
export function localText(text: LocalText | undefined, language: FormLanguage, fallback = ''): string {
  const other: FormLanguage = language === 'it' ? 'en' : 'it';
  return text?.[language] ?? text?.[other] ?? fallback;
}

/** A number as typed ('1.234,5' in Italian, '-3' too), or the text itself when it cannot be read */
export function readNumber(input: string, language: FormLanguage): number | string | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  const negative = /^[-−]/.test(s);
  const parsed = parseNumber(negative ? s.slice(1) : s, language, { decimals: 12, max: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) return s;
  return negative ? -parsed.value : parsed.value;
}

/** A number as the inputs show it: decimal comma in Italian, no grouping (so it reads back) */
export function writeNumber(value: unknown, language: FormLanguage): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return typeof value === 'string' ? value : '';
  const s = String(value);
  return language === 'it' ? s.replace('.', ',') : s;
}

const pad = (n: string, width: number) => n.padStart(width, '0');

/** gg/mm/aaaa (also g/m/aaaa, or already AAAA-MM-GG) to AAAA-MM-GG; anything else as typed */
export function readDate(input: string): string | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${pad(m[2]!, 2)}-${pad(m[1]!, 2)}`;
  return s;
}

/** AAAA-MM-GG as gg/mm/aaaa */
export function writeDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** A bound of a reference period as typed, by unit: gg/mm/aaaa, mm/aaaa or aaaa */
export function readPeriodPart(input: string, unit: 'day' | 'month' | 'year'): string | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  if (unit === 'day') return readDate(s);
  if (unit === 'month') {
    const m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
    return m ? `${m[2]}-${pad(m[1]!, 2)}` : s;
  }
  return s;
}

export function writePeriodPart(value: unknown, unit: 'day' | 'month' | 'year'): string {
  if (typeof value !== 'string') return '';
  if (unit === 'day') return writeDate(value);
  if (unit === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(value);
    return m ? `${m[2]}/${m[1]}` : value;
  }
  return value;
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The codes chosen in a select_multiple answer ('a b c') */
export const chosenCodes = (value: unknown): string[] =>
  typeof value === 'string' ? value.trim().split(/\s+/).filter(Boolean) : [];

/** The engine's path of an item at a place: `insediamenti[2].persone` */
export function pathOf(at: readonly { repeat: string; index: number }[], name: string): string {
  return [...at.map((s) => `${s.repeat}[${s.index}]`), name].join('.');
}
