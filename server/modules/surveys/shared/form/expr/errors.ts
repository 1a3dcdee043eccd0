/**
 * The problems an expression can have, each with a stable code, the character where it starts
 * (0-based `at`, `end` exclusive) and a sentence in Italian and English. Parsing and checking
 * return these as values: user input never makes this library throw.
 */

export type ExprProblemCode =
  | 'expr.empty'
  | 'expr.too_long'
  | 'expr.too_deep'
  | 'expr.unexpected_char'
  | 'expr.unterminated_string'
  | 'expr.unterminated_reference'
  | 'expr.bad_reference'
  | 'expr.unexpected_token'
  | 'expr.unexpected_end'
  | 'expr.bare_name'
  | 'expr.unknown_function'
  | 'expr.arity'
  | 'expr.parent_outside_position'
  | 'expr.unknown_question'
  | 'expr.current_not_allowed'
  | 'expr.bad_regex'
  | 'expr.unsafe_regex';

export interface Bilingual {
  readonly it: string;
  readonly en: string;
}

export interface ExprProblem {
  readonly code: ExprProblemCode;
  /** 0-based index of the first character concerned */
  readonly at: number;
  /** 0-based index just past the last character concerned */
  readonly end: number;
  readonly message: Bilingual;
}

/** What a message may mention: a name, a piece of text, a number */
export interface ProblemDetail {
  name?: string;
  text?: string;
  min?: number;
  max?: number;
  limit?: number;
}

const show = (s: string | undefined): string => {
  const t = s ?? '';
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
};

const args = (min = 0, max = 0): Bilingual => {
  if (min === max) return { it: `${min}`, en: `${min}` };
  if (max === Infinity) return { it: `almeno ${min}`, en: `at least ${min}` };
  return { it: `da ${min} a ${max}`, en: `${min} to ${max}` };
};

const texts: Record<ExprProblemCode, (d: ProblemDetail) => Bilingual> = {
  'expr.empty': () => ({ it: "L'espressione è vuota", en: 'The expression is empty' }),
  'expr.too_long': (d) => ({
    it: `L'espressione è troppo lunga (più di ${d.limit} caratteri)`,
    en: `The expression is too long (more than ${d.limit} characters)`,
  }),
  'expr.too_deep': (d) => ({
    it: `L'espressione è troppo annidata (più di ${d.limit} livelli di parentesi, funzioni o operatori)`,
    en: `The expression is nested too deeply (more than ${d.limit} levels of parentheses, functions or operators)`,
  }),
  'expr.unexpected_char': (d) => ({
    it: `Carattere non ammesso «${show(d.text)}»`,
    en: `Character not allowed "${show(d.text)}"`,
  }),
  'expr.unterminated_string': () => ({
    it: 'Testo tra virgolette non chiuso: manca la virgoletta finale',
    en: 'Unterminated quoted text: the closing quote is missing',
  }),
  'expr.unterminated_reference': () => ({
    it: 'Riferimento a una domanda non chiuso: manca «}» dopo ${nome',
    en: 'Unterminated question reference: "}" is missing after ${name',
  }),
  'expr.bad_reference': (d) => ({
    it: `Nome di domanda non valido «${show(d.text)}»: lettere, cifre, «_», «-» e «.», iniziando con una lettera o «_»`,
    en: `Invalid question name "${show(d.text)}": letters, digits, "_", "-" and ".", starting with a letter or "_"`,
  }),
  'expr.unexpected_token': (d) => ({
    it: `«${show(d.text)}» non è atteso in questo punto`,
    en: `"${show(d.text)}" is not expected here`,
  }),
  'expr.unexpected_end': () => ({
    it: "L'espressione finisce troppo presto (manca un valore o una parentesi chiusa)",
    en: 'The expression ends too early (a value or a closing parenthesis is missing)',
  }),
  'expr.bare_name': (d) => ({
    it: `«${show(d.name)}» non è una funzione né un operatore: una domanda si scrive \${${show(d.name)}}`,
    en: `"${show(d.name)}" is neither a function nor an operator: a question is written \${${show(d.name)}}`,
  }),
  'expr.unknown_function': (d) => ({
    it: `Funzione sconosciuta «${show(d.name)}()» (i nomi distinguono maiuscole e minuscole)`,
    en: `Unknown function "${show(d.name)}()" (names are case-sensitive)`,
  }),
  'expr.arity': (d) => {
    const n = args(d.min, d.max);
    return {
      it: `La funzione «${show(d.name)}()» vuole ${n.it} argomenti`,
      en: `The function "${show(d.name)}()" takes ${n.en} arguments`,
    };
  },
  'expr.parent_outside_position': () => ({
    it: '«..» si può usare solo in position(..)',
    en: '".." can only be used in position(..)',
  }),
  'expr.unknown_question': (d) => ({
    it: `La domanda «${show(d.name)}» non esiste nel questionario`,
    en: `The question "${show(d.name)}" does not exist in the questionnaire`,
  }),
  'expr.current_not_allowed': () => ({
    it: '«.» (il valore della domanda stessa) si usa solo nei vincoli',
    en: '"." (the value of the question itself) is only used in constraints',
  }),
  'expr.bad_regex': (d) => ({
    it: `Espressione regolare non valida «${show(d.text)}»`,
    en: `Invalid regular expression "${show(d.text)}"`,
  }),
  'expr.unsafe_regex': (d) => ({
    it: `Espressione regolare troppo costosa da verificare «${show(d.text)}» (un gruppo ripetuto contiene a sua volta una ripetizione)`,
    en: `Regular expression too costly to check "${show(d.text)}" (a repeated group itself contains a repetition)`,
  }),
};

export function problem(code: ExprProblemCode, at: number, end: number, detail: ProblemDetail = {}): ExprProblem {
  const base = texts[code](detail);
  // the character is counted from 1 for people
  const where = { it: ` (carattere ${at + 1})`, en: ` (character ${at + 1})` };
  return { code, at, end, message: { it: base.it + where.it, en: base.en + where.en } };
}
