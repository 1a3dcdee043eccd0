/**
 * The header of an XLSForm sheet read into columns: names ignoring case and spaces
 * (`Constraint Message` is `constraint_message`), old spellings (`jr:constraintMsg`, `readonly`,
 * `list name`), and language columns (`label::Italiano (it)`, `label::it`, `label::English`, plain
 * `label` in the form's default language).
 */
import type { FormLanguage, LocalText } from './model.js';

/** Columns whose cells are texts in a language. */
const LOCALISED = new Set(['label', 'hint', 'constraint_message', 'required_message', 'form_title']);

/** Columns that hold content InCaS does not keep (reported when a cell of theirs is filled). */
const NOT_KEPT = new Set(['image', 'big-image', 'audio', 'video', 'media', 'guidance_hint']);

const ALIASES: Record<string, string> = {
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  readonly: 'read_only',
  'jr:count': 'repeat_count',
  value: 'name',
  id_string: 'form_id',
  'jr:choice_name': 'label',
};

/** A language code from `Italiano (it)`, `it`, `English`…; null for any other language. */
export function languageOf(spec: string): FormLanguage | null {
  const s = spec.trim().toLowerCase();
  const code = /\(([a-z]{2,3})(?:[-_][a-z0-9]+)?\)\s*$/.exec(s)?.[1] ?? s.replace(/[-_].*$/, '');
  if (['it', 'ita', 'italiano', 'italian'].includes(code)) return 'it';
  if (['en', 'eng', 'english', 'inglese'].includes(code)) return 'en';
  return null;
}

export interface SheetColumns {
  /** base name → index of the first column with it (non-localised columns) */
  plain: Map<string, number>;
  /** localised base name → language → indexes, the explicit language column before the plain one */
  local: Map<string, Map<FormLanguage, number[]>>;
  /** columns left unread because their language is not Italian or English, or their content is not kept */
  notKept: { index: number; header: string; why: 'language' | 'media' }[];
  /** the header as written, by index */
  headers: string[];
}

/** The normalised base of a header and its language part (`label::English (en)` → label, English (en)). */
export function splitHeader(header: string): { base: string; language: string | null } {
  const at = header.indexOf('::');
  const rawBase = at === -1 ? header : header.slice(0, at);
  const normalised = rawBase.trim().toLowerCase().replace(/\s+/g, '_');
  const base = ALIASES[normalised] ?? ALIASES[rawBase.trim().toLowerCase()] ?? normalised;
  return { base, language: at === -1 ? null : header.slice(at + 2).trim() };
}

export function readColumns(header: string[], defaultLanguage: FormLanguage | null): SheetColumns {
  const plain = new Map<string, number>();
  const local = new Map<string, Map<FormLanguage, number[]>>();
  const notKept: SheetColumns['notKept'] = [];
  const plainLocal: [string, number][] = [];
  header.forEach((h, index) => {
    if (h === '') return;
    const { base, language } = splitHeader(h);
    if (NOT_KEPT.has(base)) {
      notKept.push({ index, header: h, why: 'media' });
      return;
    }
    if (LOCALISED.has(base)) {
      if (language === null) {
        plainLocal.push([base, index]);
        return;
      }
      const lang = languageOf(language);
      if (lang === null) {
        notKept.push({ index, header: h, why: 'language' });
        return;
      }
      const byLang = local.get(base) ?? new Map<FormLanguage, number[]>();
      byLang.set(lang, [...(byLang.get(lang) ?? []), index]);
      local.set(base, byLang);
      return;
    }
    if (!plain.has(base)) plain.set(base, index);
  });
  // the plain `label` is the default language's, read after an explicit column of that language
  for (const [base, index] of plainLocal) {
    if (defaultLanguage === null) {
      notKept.push({ index, header: header[index]!, why: 'language' });
      continue;
    }
    const byLang = local.get(base) ?? new Map<FormLanguage, number[]>();
    byLang.set(defaultLanguage, [...(byLang.get(defaultLanguage) ?? []), index]);
    local.set(base, byLang);
  }
  return { plain, local, notKept, headers: header };
}

/** The cell of a non-localised column, trimmed; '' when the sheet has no such column. */
export function cellOf(columns: SheetColumns, cells: string[], base: string): string {
  const i = columns.plain.get(base);
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/** The header as written of a column, for messages (the base name when the sheet has none). */
export function headerOf(columns: SheetColumns, base: string): string {
  const i = columns.plain.get(base) ?? columns.local.get(base)?.values().next().value?.[0];
  return i === undefined ? base : columns.headers[i]!;
}

/** A localised cell in each language (the first non-empty column of each), or undefined when all are empty. */
export function textOf(columns: SheetColumns, cells: string[], base: string): LocalText | undefined {
  const byLang = columns.local.get(base);
  if (!byLang) return undefined;
  const text: LocalText = {};
  for (const [lang, indexes] of byLang) {
    const value = indexes.map((i) => (cells[i] ?? '').trim()).find((v) => v !== '');
    if (value !== undefined) text[lang] = value;
  }
  return text.it === undefined && text.en === undefined ? undefined : text;
}
