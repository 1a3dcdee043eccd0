/**
 * Pure rules of the knowledge base: the check that an entry rewritten from a request does not carry
 * the Comune's details (its name, the names of the people who wrote, e-mail addresses, phone
 * numbers, codici fiscali), the entry's public address, and its keywords.
 */

export type WarningKind = 'COMUNE' | 'NOME' | 'EMAIL' | 'TELEFONO' | 'CODICE_FISCALE';
export interface PersonalDataWarning {
  kind: WarningKind;
  /** which field: question or answer */
  field: 'question' | 'answer' | 'keywords';
  /** what was found, as written */
  match: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Italian numbers: an optional +39/0039, then a landline (0…), a mobile (3…) or a toll-free or
// shared-cost number (80…) of 6 to 11 digits,
// spaces, dots, dashes or slashes allowed between groups
const PHONE = /(?<![\p{N}])(?:(?:\+|00)39[\s./-]?)?(?:0\d|3\d{2}|80\d)(?:[\s./-]?\d){5,9}(?![\p{N}])/gu;
const FISCAL_CODE = /\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b/gi;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What in an entry looks like the details of the Comune it came from, or of a person: the Comune's
 * name and the people's names given (whole words, any case), e-mail addresses, phone numbers and
 * codici fiscali. A warning, not a verdict: the help desk reads and rewrites.
 */
export function personalDataWarnings(
  entry: { question: string; answer: string; keywords: string },
  known: { comuneNames: readonly string[]; personNames: readonly string[] },
): PersonalDataWarning[] {
  const out: PersonalDataWarning[] = [];
  const seen = new Set<string>();
  const add = (w: PersonalDataWarning) => {
    const key = `${w.kind}|${w.field}|${w.match.toLowerCase()}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(w);
    }
  };
  for (const field of ['question', 'answer', 'keywords'] as const) {
    const text = entry[field];
    for (const m of text.matchAll(EMAIL)) add({ kind: 'EMAIL', field, match: m[0] });
    const withoutEmails = text.replace(EMAIL, ' ');
    for (const m of withoutEmails.matchAll(PHONE)) add({ kind: 'TELEFONO', field, match: m[0].trim() });
    for (const m of text.matchAll(FISCAL_CODE)) add({ kind: 'CODICE_FISCALE', field, match: m[0] });
    for (const [kind, names] of [
      ['COMUNE', known.comuneNames],
      ['NOME', known.personNames],
    ] as const)
      for (const name of names) {
        const n = name.trim();
        if (n.length < 3) continue;
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, 'iu');
        const m = re.exec(text);
        if (m) add({ kind, field, match: m[0] });
      }
  }
  return out;
}

/** The entry's public address from its question: lower case, no accents, words joined by dashes, at most 70 characters. */
export function slugOf(question: string): string {
  const base = question
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `domanda-${base}`.replace(/-+$/g, '');
}

/** Keywords as stored: trimmed, lower case, without repeats, comma-separated. */
export function keywordsText(keywords: readonly string[]): string {
  return [...new Set(keywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0))].join(', ');
}

export const keywordsList = (text: string): string[] =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
