/**
 * The changes between two versions of a questionnaire said in words, Italian first, for the page
 * of versions: one sentence per change (describeChange), and counts per kind for the list of
 * versions (summarize, describeSummary: "3 domande aggiunte, 1 rimossa, 2 rietichettate").
 * Pure and importing only types, like diff.ts, so that the browser says the same.
 */
import type { ChangeKind, FormChange, FormSetting, QuestionDetail, SectionRef, Value } from './diff.js';
import type { FormLanguage, LocalText, QuestionType } from './model.js';

type Lang = 'it' | 'en';
type Words = { it: string; en: string };

const typeWords: Record<QuestionType, Words> = {
  text: { it: 'testo', en: 'text' },
  integer: { it: 'numero intero', en: 'whole number' },
  decimal: { it: 'numero decimale', en: 'decimal number' },
  date: { it: 'data', en: 'date' },
  yes_no: { it: 'sì/no', en: 'yes/no' },
  select_one: { it: 'scelta singola', en: 'single choice' },
  select_multiple: { it: 'scelta multipla', en: 'multiple choice' },
  note: { it: 'nota', en: 'note' },
  acknowledge: { it: 'presa visione', en: 'acknowledgement' },
  calculate: { it: 'calcolo', en: 'calculation' },
  range_estimate: { it: 'valore o intervallo con qualità del dato', en: 'value or range with its quality' },
  reference_period: { it: 'periodo di riferimento', en: 'reference period' },
};

const detailWords: Record<QuestionDetail, Words> = {
  requiredMessage: { it: 'messaggio di risposta obbligatoria', en: 'required message' },
  constraintMessage: { it: 'messaggio del vincolo', en: 'constraint message' },
  readOnly: { it: 'sola lettura', en: 'read-only' },
  default: { it: 'valore iniziale', en: 'default value' },
  appearance: { it: 'aspetto', en: 'appearance' },
  choiceFilter: { it: 'filtro delle scelte', en: 'choice filter' },
  other: { it: 'scelta «Altro (specificare)»', en: 'choice “Other (specify)”' },
  yes: { it: 'codice del sì', en: 'code for yes' },
  no: { it: 'codice del no', en: 'code for no' },
  decimal: { it: 'valori decimali', en: 'decimal values' },
  min: { it: 'valore minimo', en: 'minimum' },
  max: { it: 'valore massimo', en: 'maximum' },
  unit: { it: 'unità del periodo', en: 'period unit' },
};

const settingWords: Record<FormSetting, Words> = {
  id: { it: 'identificativo (form_id)', en: 'identifier (form_id)' },
  version: { it: 'versione', en: 'version' },
  defaultLanguage: { it: 'lingua predefinita', en: 'default language' },
  style: { it: 'stile', en: 'style' },
  instanceName: { it: 'nome di ogni risposta (instance_name)', en: 'name of each response (instance_name)' },
};

/** Values that are codes of the model, said in words. */
const valueWords: Record<string, Words> = {
  it: { it: 'italiano', en: 'Italian' },
  en: { it: 'inglese', en: 'English' },
  day: { it: 'giorno', en: 'day' },
  month: { it: 'mese', en: 'month' },
  year: { it: 'anno', en: 'year' },
};

const langWords: Record<FormLanguage, { it: [string, string]; en: string }> = {
  // Italian adjectives: feminine, masculine
  it: { it: ['italiana', 'italiano'], en: 'Italian' },
  en: { it: ['inglese', 'inglese'], en: 'English' },
};

const quote = (s: string, lang: Lang): string => (lang === 'it' ? `«${s}»` : `“${s}”`);

/** A label cut to about 40 characters at a word, for naming a question in a sentence. */
function short(s: string): string {
  if (s.length <= 40) return s;
  const cut = s.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

function named(name: string, label: LocalText | undefined, lang: Lang): string {
  const text = label?.[lang] ?? label?.[lang === 'it' ? 'en' : 'it'];
  return text ? `${name} ${quote(short(text), lang)}` : name;
}

function value(v: Value, lang: Lang): string {
  if (v === undefined) return '—';
  if (typeof v === 'boolean') return lang === 'it' ? (v ? 'sì' : 'no') : v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  const word = valueWords[v];
  return word ? word[lang] : quote(v, lang);
}

const fromTo = (old: Value, now: Value, lang: Lang): string => `${value(old, lang)} → ${value(now, lang)}`;

/** Italian participle endings: feminine or masculine singular. */
const ending = (feminine: boolean): string => (feminine ? 'a' : 'o');

/** "etichetta italiana cambiata", "English hint added"… */
function textChange(
  noun: Words & { feminine: boolean },
  c: { lang: FormLanguage; old?: string; new?: string },
  lang: Lang,
): string {
  const what =
    c.old === undefined ? ['aggiunt', 'added'] : c.new === undefined ? ['tolt', 'removed'] : ['cambiat', 'changed'];
  if (lang === 'en') return `${langWords[c.lang].en} ${noun.en} ${what[1]}`;
  const adjective = langWords[c.lang].it[noun.feminine ? 0 : 1];
  return `${noun.it} ${adjective} ${what[0]}${ending(noun.feminine)}`;
}

/** "vincolo cambiato: «a» → «b»", "condizione di visualizzazione aggiunta: «…»" */
function exprChange(noun: Words & { feminine: boolean }, c: { old?: string; new?: string }, lang: Lang): string {
  const e = ending(noun.feminine);
  if (c.old === undefined)
    return lang === 'it' ? `${noun.it} aggiunt${e}: ${value(c.new, lang)}` : `${noun.en} added: ${value(c.new, lang)}`;
  if (c.new === undefined)
    return lang === 'it'
      ? `${noun.it} tolt${e} (era ${value(c.old, lang)})`
      : `${noun.en} removed (was ${value(c.old, lang)})`;
  return lang === 'it'
    ? `${noun.it} cambiat${e}: ${fromTo(c.old, c.new, lang)}`
    : `${noun.en} changed: ${fromTo(c.old, c.new, lang)}`;
}

const label = { it: 'etichetta', en: 'label', feminine: true };
const hint = { it: 'suggerimento', en: 'hint', feminine: false };
const relevant = { it: 'condizione di visualizzazione', en: 'relevance condition', feminine: true };
const constraint = { it: 'vincolo', en: 'constraint', feminine: false };
const calculation = { it: 'calcolo', en: 'calculation', feminine: false };
const repeatCount = { it: 'numero di ripetizioni', en: 'number of entries', feminine: false };
const appearance = { it: 'aspetto', en: 'appearance', feminine: false };

function section(s: SectionRef | null, lang: Lang): string {
  if (!s) return lang === 'it' ? 'Primo livello del questionario' : 'Top level of the questionnaire';
  const noun = s.kind === 'group' ? { it: 'Gruppo', en: 'Group' } : { it: 'Ripetizione', en: 'Repeat' };
  return `${noun[lang]} ${named(s.name, s.label, lang)}`;
}

/** "dal gruppo A «…»", "alla ripetizione B «…»", "from the top level"… */
function place(s: SectionRef | null, preposition: 'from' | 'to' | 'in', lang: Lang): string {
  if (lang === 'en') {
    const where = s ? `${s.kind} ${named(s.name, s.label, lang)}` : 'the top level';
    return `${preposition === 'in' && !s ? 'at' : preposition} ${where}`;
  }
  const articles = { from: ['dal', 'dalla'], to: ['al', 'alla'], in: ['nel', 'nella'] }[preposition];
  if (!s) return `${preposition === 'from' ? 'dal' : 'al'} primo livello`;
  return s.kind === 'group'
    ? `${articles[0]} gruppo ${named(s.name, s.label, lang)}`
    : `${articles[1]} ripetizione ${named(s.name, s.label, lang)}`;
}

function required(source: string | undefined, lang: Lang): string {
  if (source === undefined) return lang === 'it' ? 'facoltativa' : 'optional';
  if (source === 'yes') return lang === 'it' ? 'obbligatoria' : 'required';
  return lang === 'it' ? `obbligatoria quando ${quote(source, lang)}` : `required when ${quote(source, lang)}`;
}

/** What happened, after the subject's name (the part after the colon). */
function predicate(c: FormChange, lang: Lang): string {
  const it = lang === 'it';
  switch (c.kind) {
    case 'form.title_changed':
    case 'form.setting_changed':
      return '';
    case 'question.added':
      return it
        ? `aggiunta${c.in ? ` ${place(c.in, 'in', lang)}` : ''}`
        : `added${c.in ? ` ${place(c.in, 'in', lang)}` : ''}`;
    case 'question.removed':
      return it
        ? `rimossa${c.in ? ` (era ${place(c.in, 'in', lang)})` : ''}`
        : `removed${c.in ? ` (was ${place(c.in, 'in', lang)})` : ''}`;
    case 'section.added':
    case 'section.removed': {
      const where = c.in ? ` ${place(c.in, 'in', lang)}` : '';
      if (!it) return c.kind === 'section.added' ? `added${where}` : `removed${c.in ? ` (was${where})` : ''}`;
      const e = ending(c.section.kind === 'repeat');
      return c.kind === 'section.added' ? `aggiunt${e}${where}` : `rimoss${e}${c.in ? ` (era${where})` : ''}`;
    }
    case 'question.relabelled':
    case 'section.relabelled':
    case 'choice.relabelled':
      return textChange(label, c, lang);
    case 'question.hint_changed':
    case 'section.hint_changed':
      return textChange(hint, c, lang);
    case 'question.retyped':
      return it
        ? `tipo cambiato da ${typeWords[c.old].it} a ${typeWords[c.new].it}`
        : `type changed from ${typeWords[c.old].en} to ${typeWords[c.new].en}`;
    case 'question.list_changed':
      return it ? `elenco di scelte cambiato da ${c.old} a ${c.new}` : `choice list changed from ${c.old} to ${c.new}`;
    case 'question.moved':
    case 'section.moved': {
      const e = ending(c.kind === 'question.moved' || c.section.kind === 'repeat');
      const route = `${place(c.from, 'from', lang)} ${place(c.to, 'to', lang)}`;
      return it ? `spostat${e} ${route}` : `moved ${route}`;
    }
    case 'question.required_changed':
      return it
        ? `ora ${required(c.new, lang)} (prima ${required(c.old, lang)})`
        : `now ${required(c.new, lang)} (was ${required(c.old, lang)})`;
    case 'question.relevant_changed':
    case 'section.relevant_changed':
      return exprChange(relevant, c, lang);
    case 'question.constraint_changed':
      return exprChange(constraint, c, lang);
    case 'question.calculation_changed':
      return exprChange(calculation, c, lang);
    case 'question.detail_changed': {
      const word = detailWords[c.detail][lang];
      const inLang = c.lang ? ` (${it ? langWords[c.lang].it[1] : langWords[c.lang].en})` : '';
      return `${word}${inLang}: ${fromTo(c.old, c.new, lang)}`;
    }
    case 'section.retyped':
      return it ? (c.old === 'group' ? 'era un gruppo' : 'era una ripetizione') : `was a ${c.old}`;
    case 'section.repeat_count_changed':
      return exprChange(repeatCount, c, lang);
    case 'section.appearance_changed':
      return exprChange(appearance, c, lang);
    case 'section.reordered':
      return it ? 'ordine del contenuto cambiato' : 'order of contents changed';
    case 'list.added':
      return it ? 'aggiunto' : 'added';
    case 'list.removed':
      return it ? 'rimosso' : 'removed';
    case 'list.reordered':
      return it ? 'ordine delle scelte cambiato' : 'order of choices changed';
    case 'choice.added':
      return it ? 'aggiunta' : 'added';
    case 'choice.removed':
      return it ? 'rimossa' : 'removed';
    case 'choice.column_changed':
      return `${it ? 'colonna' : 'column'} ${c.column}: ${fromTo(c.old, c.new, lang)}`;
  }
}

function subject(c: FormChange, lang: Lang): string {
  if ('question' in c)
    return `${lang === 'it' ? 'Domanda' : 'Question'} ${named(c.question.name, c.question.label, lang)}`;
  if ('section' in c) return section(c.section, lang);
  if ('choice' in c)
    return lang === 'it'
      ? `Elenco di scelte ${c.list}, scelta ${named(c.choice.name, c.choice.label, lang)}`
      : `Choice list ${c.list}, choice ${named(c.choice.name, c.choice.label, lang)}`;
  if ('list' in c) return `${lang === 'it' ? 'Elenco di scelte' : 'Choice list'} ${c.list}`;
  return '';
}

/**
 * One change as one sentence, e.g. "Domanda B3 «Quanti lavoratori stagionali…»: etichetta
 * italiana cambiata" or "Question B3 “How many seasonal workers…”: Italian label changed".
 */
export function describeChange(change: FormChange, lang: Lang): string {
  if (change.kind === 'form.title_changed') {
    const head = textChange({ it: 'titolo', en: 'title', feminine: false }, change, lang)
      .replace(/^titolo (\S+)/u, 'Titolo $1 del questionario')
      .replace(/ title /u, ' title of the questionnaire ');
    return `${head}: ${fromTo(change.old, change.new, lang)}`;
  }
  if (change.kind === 'form.setting_changed') {
    const head = lang === 'it' ? 'Impostazioni del questionario' : 'Questionnaire settings';
    return `${head}, ${settingWords[change.setting][lang]}: ${fromTo(change.old, change.new, lang)}`;
  }
  return `${subject(change, lang)}: ${predicate(change, lang)}`;
}

type Noun = 'question' | 'section' | 'list' | 'choice' | 'title' | 'setting';
const nouns: Record<Noun, { it: [string, string]; en: [string, string] }> = {
  question: { it: ['domanda', 'domande'], en: ['question', 'questions'] },
  section: { it: ['sezione', 'sezioni'], en: ['section', 'sections'] },
  list: { it: ['elenco di scelte', 'elenchi di scelte'], en: ['choice list', 'choice lists'] },
  choice: { it: ['scelta', 'scelte'], en: ['choice', 'choices'] },
  title: { it: ['titolo', 'titoli'], en: ['title', 'titles'] },
  setting: { it: ['impostazione', 'impostazioni'], en: ['setting', 'settings'] },
};

/** What each kind is called in the summary (one, many), in the summary's order. */
const kindWords: Record<ChangeKind, { noun: Noun; it: [string, string]; en: [string, string] }> = {
  'form.title_changed': { noun: 'title', it: ['cambiato', 'cambiati'], en: ['changed', 'changed'] },
  'form.setting_changed': { noun: 'setting', it: ['cambiata', 'cambiate'], en: ['changed', 'changed'] },
  'question.added': { noun: 'question', it: ['aggiunta', 'aggiunte'], en: ['added', 'added'] },
  'question.removed': { noun: 'question', it: ['rimossa', 'rimosse'], en: ['removed', 'removed'] },
  'question.relabelled': { noun: 'question', it: ['rietichettata', 'rietichettate'], en: ['relabelled', 'relabelled'] },
  'question.retyped': { noun: 'question', it: ['con tipo cambiato', 'con tipo cambiato'], en: ['retyped', 'retyped'] },
  'question.list_changed': {
    noun: 'question',
    it: ['con altro elenco di scelte', 'con altro elenco di scelte'],
    en: ['with another choice list', 'with another choice list'],
  },
  'question.moved': { noun: 'question', it: ['spostata', 'spostate'], en: ['moved', 'moved'] },
  'question.hint_changed': {
    noun: 'question',
    it: ['con suggerimento cambiato', 'con suggerimento cambiato'],
    en: ['with a new hint', 'with a new hint'],
  },
  'question.required_changed': {
    noun: 'question',
    it: ['con obbligatorietà cambiata', 'con obbligatorietà cambiata'],
    en: ['with required changed', 'with required changed'],
  },
  'question.relevant_changed': {
    noun: 'question',
    it: ['con condizione di visualizzazione cambiata', 'con condizione di visualizzazione cambiata'],
    en: ['with relevance changed', 'with relevance changed'],
  },
  'question.constraint_changed': {
    noun: 'question',
    it: ['con vincolo cambiato', 'con vincolo cambiato'],
    en: ['with constraint changed', 'with constraint changed'],
  },
  'question.calculation_changed': {
    noun: 'question',
    it: ['con calcolo cambiato', 'con calcolo cambiato'],
    en: ['with calculation changed', 'with calculation changed'],
  },
  'question.detail_changed': {
    noun: 'question',
    it: ['con altri dettagli cambiati', 'con altri dettagli cambiati'],
    en: ['with other details changed', 'with other details changed'],
  },
  'section.added': { noun: 'section', it: ['aggiunta', 'aggiunte'], en: ['added', 'added'] },
  'section.removed': { noun: 'section', it: ['rimossa', 'rimosse'], en: ['removed', 'removed'] },
  'section.relabelled': { noun: 'section', it: ['rietichettata', 'rietichettate'], en: ['relabelled', 'relabelled'] },
  'section.retyped': {
    noun: 'section',
    it: ['cambiata tra gruppo e ripetizione', 'cambiate tra gruppo e ripetizione'],
    en: ['switched between group and repeat', 'switched between group and repeat'],
  },
  'section.moved': { noun: 'section', it: ['spostata', 'spostate'], en: ['moved', 'moved'] },
  'section.reordered': { noun: 'section', it: ['riordinata', 'riordinate'], en: ['reordered', 'reordered'] },
  'section.hint_changed': {
    noun: 'section',
    it: ['con suggerimento cambiato', 'con suggerimento cambiato'],
    en: ['with a new hint', 'with a new hint'],
  },
  'section.relevant_changed': {
    noun: 'section',
    it: ['con condizione di visualizzazione cambiata', 'con condizione di visualizzazione cambiata'],
    en: ['with relevance changed', 'with relevance changed'],
  },
  'section.repeat_count_changed': {
    noun: 'section',
    it: ['con numero di ripetizioni cambiato', 'con numero di ripetizioni cambiato'],
    en: ['with number of entries changed', 'with number of entries changed'],
  },
  'section.appearance_changed': {
    noun: 'section',
    it: ['con aspetto cambiato', 'con aspetto cambiato'],
    en: ['with appearance changed', 'with appearance changed'],
  },
  'list.added': { noun: 'list', it: ['aggiunto', 'aggiunti'], en: ['added', 'added'] },
  'list.removed': { noun: 'list', it: ['rimosso', 'rimossi'], en: ['removed', 'removed'] },
  'list.reordered': { noun: 'list', it: ['riordinato', 'riordinati'], en: ['reordered', 'reordered'] },
  'choice.added': { noun: 'choice', it: ['aggiunta', 'aggiunte'], en: ['added', 'added'] },
  'choice.removed': { noun: 'choice', it: ['rimossa', 'rimosse'], en: ['removed', 'removed'] },
  'choice.relabelled': { noun: 'choice', it: ['rietichettata', 'rietichettate'], en: ['relabelled', 'relabelled'] },
  'choice.column_changed': {
    noun: 'choice',
    it: ['con colonne cambiate', 'con colonne cambiate'],
    en: ['with columns changed', 'with columns changed'],
  },
};

export interface ChangeCount {
  kind: ChangeKind;
  /** how many questions, sections, lists, choices or settings had this kind of change */
  count: number;
}

/** What a change is about, so that a question relabelled in both languages counts once. */
function subjectKey(c: FormChange): string {
  if ('question' in c) return c.question.name;
  if ('section' in c) return c.section?.name ?? '';
  if ('choice' in c) return `${c.list}\u0000${c.choice.name}`;
  if ('list' in c) return c.list;
  if ('setting' in c) return c.setting;
  return '';
}

/**
 * Counts per kind, in a fixed order (title and settings, questions, sections, lists, choices):
 * how many questions (sections, lists…) had each kind of change.
 */
export function summarize(changes: readonly FormChange[]): ChangeCount[] {
  const subjects = new Map<ChangeKind, Set<string>>();
  for (const c of changes) subjects.set(c.kind, (subjects.get(c.kind) ?? new Set()).add(subjectKey(c)));
  return (Object.keys(kindWords) as ChangeKind[]).flatMap((kind) => {
    const count = subjects.get(kind)?.size ?? 0;
    return count > 0 ? [{ kind, count }] : [];
  });
}

/** "3 domande aggiunte, 1 rimossa, 2 rietichettate" / "3 questions added, 1 removed, 2 relabelled". */
export function describeSummary(counts: readonly ChangeCount[], lang: Lang): string {
  if (counts.length === 0) return lang === 'it' ? 'nessuna modifica' : 'no changes';
  let previous: Noun | null = null;
  return counts
    .map(({ kind, count }) => {
      const words = kindWords[kind];
      const many = count === 1 ? 0 : 1;
      if (words.noun === 'title') return `${nouns.title[lang][0]} ${words[lang][0]}`;
      const noun = words.noun === previous ? '' : ` ${nouns[words.noun][lang][many]}`;
      previous = words.noun;
      return `${count}${noun} ${words[lang][many]}`;
    })
    .join(', ');
}
