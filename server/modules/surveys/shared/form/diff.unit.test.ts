/**
 * The diff between two versions of a questionnaire: each kind of change, where it sits in the
 * list, and how it is said in Italian and English, on forms built here as model objects.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChange, describeSummary, diffForms, summarize, type FormChange } from './diff.js';
import { Form, type ChoiceList, type Group, type Item, type LocalText, type Question, type Repeat } from './model.js';

const q = (name: string, extra: Record<string, unknown> = {}): Question => ({
  kind: 'question',
  name,
  type: 'text',
  required: false,
  readOnly: false,
  label: { it: `Testo ${name}` },
  ...extra,
});
const group = (name: string, items: Item[], extra: Partial<Group> = {}): Group => ({
  kind: 'group',
  name,
  label: { it: `Gruppo ${name}` },
  items,
  ...extra,
});
const repeat = (name: string, items: Item[], extra: Partial<Repeat> = {}): Repeat => ({
  kind: 'repeat',
  name,
  label: { it: `Ripetizione ${name}` },
  items,
  ...extra,
});
const list = (name: string, choices: [string, string][]): ChoiceList => ({
  name,
  choices: choices.map(([code, it]) => ({ name: code, label: { it }, extra: {} })),
});

/** A valid form (checked against the model's schema, so that fixtures cannot drift from it). */
const form = (items: Item[], lists: ChoiceList[] = [], extra: Partial<Form> = {}): Form =>
  Form.parse({
    modelVersion: 1,
    id: 'censimento',
    title: { it: 'Censimento' },
    defaultLanguage: 'it',
    items,
    lists,
    ...extra,
  });

const kinds = (changes: FormChange[]) => changes.map((c) => c.kind);
const it_ = (changes: FormChange[]) => changes.map((c) => describeChange(c, 'it'));
const en = (changes: FormChange[]) => changes.map((c) => describeChange(c, 'en'));

const sn = list('sn', [
  ['si', 'Sì'],
  ['no', 'No'],
]);

describe('diffForms: questions', () => {
  it('finds nothing between a form and an equal copy of it', () => {
    const a = form([q('A1'), group('B', [q('B1'), repeat('S', [q('S1')])])], [sn], { version: '1' });
    expect(diffForms(a, structuredClone(a))).toEqual([]);
    expect(summarize([])).toEqual([]);
    expect(describeSummary([], 'it')).toBe('nessuna modifica');
    expect(describeSummary([], 'en')).toBe('no changes');
  });

  it('lists questions added and removed in the order of the newer form, removals where they stood', () => {
    const a = form([q('A1'), q('A2'), group('B', [q('B1'), q('B2')]), q('Z')]);
    const b = form([q('A1'), q('A3'), group('B', [q('B1'), q('B3')]), q('Z')]);
    expect(diffForms(a, b)).toEqual([
      { kind: 'question.removed', question: { name: 'A2', type: 'text', label: { it: 'Testo A2' } }, in: null },
      { kind: 'question.added', question: { name: 'A3', type: 'text', label: { it: 'Testo A3' } }, in: null },
      {
        kind: 'question.removed',
        question: expect.objectContaining({ name: 'B2' }),
        in: { kind: 'group', name: 'B', label: { it: 'Gruppo B' } },
      },
      {
        kind: 'question.added',
        question: expect.objectContaining({ name: 'B3' }),
        in: { kind: 'group', name: 'B', label: { it: 'Gruppo B' } },
      },
    ]);
    expect(it_(diffForms(a, b))).toEqual([
      'Domanda A2 «Testo A2»: rimossa',
      'Domanda A3 «Testo A3»: aggiunta',
      'Domanda B2 «Testo B2»: rimossa (era nel gruppo B «Gruppo B»)',
      'Domanda B3 «Testo B3»: aggiunta nel gruppo B «Gruppo B»',
    ]);
    expect(en(diffForms(a, b))).toEqual([
      'Question A2 “Testo A2”: removed',
      'Question A3 “Testo A3”: added',
      'Question B2 “Testo B2”: removed (was in group B “Gruppo B”)',
      'Question B3 “Testo B3”: added in group B “Gruppo B”',
    ]);
  });

  it('a question renamed is a question removed and another added (codes are what waves keep)', () => {
    const changes = diffForms(form([q('B3')]), form([q('B3_bis')]));
    expect(kinds(changes)).toEqual(['question.removed', 'question.added']);
  });

  it('says which language of a label or hint changed, and names the question by a short label', () => {
    const long = 'Quanti lavoratori stagionali hanno lavorato nel Comune nel 2020?';
    const a = form([q('B3', { label: { it: long }, hint: { it: 'Contare tutti' } })]);
    const b = form([
      q('B3', {
        label: { it: `${long} `, en: 'How many seasonal workers?' },
        hint: { it: 'Contare tutti', en: 'Count all' },
      }),
    ]);
    const changes = diffForms(a, b);
    expect(changes).toEqual([
      {
        kind: 'question.relabelled',
        question: expect.objectContaining({ name: 'B3' }),
        lang: 'it',
        old: long,
        new: `${long} `,
      },
      {
        kind: 'question.relabelled',
        question: expect.objectContaining({ name: 'B3' }),
        lang: 'en',
        new: 'How many seasonal workers?',
      },
      {
        kind: 'question.hint_changed',
        question: expect.objectContaining({ name: 'B3' }),
        lang: 'en',
        new: 'Count all',
      },
    ]);
    expect(it_(changes)).toEqual([
      'Domanda B3 «Quanti lavoratori stagionali hanno…»: etichetta italiana cambiata',
      'Domanda B3 «Quanti lavoratori stagionali hanno…»: etichetta inglese aggiunta',
      'Domanda B3 «Quanti lavoratori stagionali hanno…»: suggerimento inglese aggiunto',
    ]);
    expect(en(changes)).toEqual([
      'Question B3 “How many seasonal workers?”: Italian label changed',
      'Question B3 “How many seasonal workers?”: English label added',
      'Question B3 “How many seasonal workers?”: English hint added',
    ]);
    const removed = diffForms(b, a);
    expect(it_(removed)[1]).toBe('Domanda B3 «Quanti lavoratori stagionali hanno…»: etichetta inglese tolta');
    expect(en(removed)[2]).toBe('Question B3 “Quanti lavoratori stagionali hanno…”: English hint removed');
  });

  it('reports a type changed, and a select that now uses another list', () => {
    const lists = [sn, list('sn2', [['s', 'Sì']]), list('tipi', [['a', 'A']])];
    const a = form(
      [
        q('N', { type: 'integer' }),
        q('S', { type: 'select_one', listName: 'tipi', other: false }),
        q('Y', { type: 'yes_no', listName: 'sn', yes: 'si', no: 'no' }),
      ],
      lists,
    );
    const b = form(
      [
        q('N', { type: 'decimal' }),
        q('S', { type: 'select_multiple', listName: 'tipi', other: false }),
        q('Y', { type: 'select_one', listName: 'sn2', other: false }),
      ],
      lists,
    );
    const changes = diffForms(a, b);
    expect(kinds(changes)).toEqual([
      'question.retyped',
      'question.retyped',
      'question.retyped',
      'question.list_changed',
      'question.detail_changed',
      'question.detail_changed',
      'question.detail_changed',
    ]);
    expect(changes[0]).toMatchObject({ old: 'integer', new: 'decimal' });
    expect(it_(changes).slice(0, 4)).toEqual([
      'Domanda N «Testo N»: tipo cambiato da numero intero a numero decimale',
      'Domanda S «Testo S»: tipo cambiato da scelta singola a scelta multipla',
      'Domanda Y «Testo Y»: tipo cambiato da sì/no a scelta singola',
      'Domanda Y «Testo Y»: elenco di scelte cambiato da sn a sn2',
    ]);
    expect(en(changes).slice(3)).toEqual([
      'Question Y “Testo Y”: choice list changed from sn to sn2',
      'Question Y “Testo Y”: choice “Other (specify)”: — → no',
      'Question Y “Testo Y”: code for yes: “si” → —',
      'Question Y “Testo Y”: code for no: “no” → —',
    ]);
  });

  it('gives required, relevant, constraint and calculation as old → new source', () => {
    const a = form([
      q('A'),
      q('B', { relevant: "${A} = 'x'", constraint: '. > 0' }),
      q('C', { type: 'calculate', calculation: '${A}' }),
    ]);
    const b = form([
      q('A', { required: true }),
      q('B', { requiredIf: "${A} != ''", constraint: '. >= 0' }),
      q('C', { type: 'calculate', calculation: 'concat(${A}, ${B})' }),
    ]);
    const changes = diffForms(a, b);
    expect(changes).toEqual([
      { kind: 'question.required_changed', question: expect.objectContaining({ name: 'A' }), new: 'yes' },
      { kind: 'question.required_changed', question: expect.objectContaining({ name: 'B' }), new: "${A} != ''" },
      { kind: 'question.relevant_changed', question: expect.objectContaining({ name: 'B' }), old: "${A} = 'x'" },
      {
        kind: 'question.constraint_changed',
        question: expect.objectContaining({ name: 'B' }),
        old: '. > 0',
        new: '. >= 0',
      },
      {
        kind: 'question.calculation_changed',
        question: expect.objectContaining({ name: 'C' }),
        old: '${A}',
        new: 'concat(${A}, ${B})',
      },
    ]);
    expect(it_(changes)).toEqual([
      'Domanda A «Testo A»: ora obbligatoria (prima facoltativa)',
      "Domanda B «Testo B»: ora obbligatoria quando «${A} != ''» (prima facoltativa)",
      "Domanda B «Testo B»: condizione di visualizzazione tolta (era «${A} = 'x'»)",
      'Domanda B «Testo B»: vincolo cambiato: «. > 0» → «. >= 0»',
      'Domanda C «Testo C»: calcolo cambiato: «${A}» → «concat(${A}, ${B})»',
    ]);
    expect(en(changes)).toEqual([
      'Question A “Testo A”: now required (was optional)',
      "Question B “Testo B”: now required when “${A} != ''” (was optional)",
      "Question B “Testo B”: relevance condition removed (was “${A} = 'x'”)",
      'Question B “Testo B”: constraint changed: “. > 0” → “. >= 0”',
      'Question C “Testo C”: calculation changed: “${A}” → “concat(${A}, ${B})”',
    ]);
    expect(describeChange(diffForms(b, a)[2] as FormChange, 'it')).toBe(
      "Domanda B «Testo B»: condizione di visualizzazione aggiunta: «${A} = 'x'»",
    );
  });

  it('names every other detail that changed, so that nothing changes unseen', () => {
    const a = form([q('P', { type: 'reference_period', unit: 'month', constraintMessage: { it: 'Troppo' } })]);
    const b = form([
      q('P', {
        type: 'reference_period',
        unit: 'year',
        constraintMessage: { it: 'Troppo alto' },
        default: '2024',
        readOnly: true,
      }),
    ]);
    const changes = diffForms(a, b);
    expect(changes.map((c) => (c.kind === 'question.detail_changed' ? [c.detail, c.lang] : c.kind))).toEqual([
      ['constraintMessage', 'it'],
      ['readOnly', undefined],
      ['default', undefined],
      ['unit', undefined],
    ]);
    expect(it_(changes)).toEqual([
      'Domanda P «Testo P»: messaggio del vincolo (italiano): «Troppo» → «Troppo alto»',
      'Domanda P «Testo P»: sola lettura: no → sì',
      'Domanda P «Testo P»: valore iniziale: — → «2024»',
      'Domanda P «Testo P»: unità del periodo: mese → anno',
    ]);
  });
});

describe('diffForms: groups, repeats and moves', () => {
  it('reports a move to another group or repeat, nested ones included, and not the shift of its neighbours', () => {
    const a = form([
      group('A', [q('A1'), q('A2'), q('A3')]),
      group('B', [repeat('S', [q('S1'), group('T', [q('T1')])])]),
    ]);
    const b = form([
      group('A', [q('A1'), q('A3')]),
      group('B', [repeat('S', [q('S1'), group('T', [q('T1'), q('A2')])])]),
    ]);
    const changes = diffForms(a, b);
    expect(changes).toEqual([
      {
        kind: 'question.moved',
        question: expect.objectContaining({ name: 'A2' }),
        from: { kind: 'group', name: 'A', label: { it: 'Gruppo A' } },
        to: { kind: 'group', name: 'T', label: { it: 'Gruppo T' } },
      },
    ]);
    expect(it_(changes)).toEqual(['Domanda A2 «Testo A2»: spostata dal gruppo A «Gruppo A» al gruppo T «Gruppo T»']);
    const out = diffForms(
      b,
      form([group('A', [q('A1'), q('A3')]), group('B', [repeat('S', [q('S1'), q('A2'), group('T', [q('T1')])])])]),
    );
    expect(it_(out)).toEqual([
      'Domanda A2 «Testo A2»: spostata dal gruppo T «Gruppo T» alla ripetizione S «Ripetizione S»',
    ]);
    expect(en(out)).toEqual(['Question A2 “Testo A2”: moved from group T “Gruppo T” to repeat S “Ripetizione S”']);
    const top = diffForms(
      a,
      form([q('A2'), group('A', [q('A1'), q('A3')]), group('B', [repeat('S', [q('S1'), group('T', [q('T1')])])])]),
    );
    expect(it_(top)).toEqual(['Domanda A2 «Testo A2»: spostata dal gruppo A «Gruppo A» al primo livello']);
  });

  it('reports a plain reordering once per group (or for the top level), not once per question', () => {
    const a = form([q('X'), q('Y'), group('A', [q('A1'), q('A2'), q('A3'), q('A4')])]);
    const b = form([q('Y'), q('X'), group('A', [q('A4'), q('A1'), q('A2'), q('A3')])]);
    const changes = diffForms(a, b);
    expect(changes).toEqual([
      { kind: 'section.reordered', section: null },
      { kind: 'section.reordered', section: { kind: 'group', name: 'A', label: { it: 'Gruppo A' } } },
    ]);
    expect(it_(changes)).toEqual([
      'Primo livello del questionario: ordine del contenuto cambiato',
      'Gruppo A «Gruppo A»: ordine del contenuto cambiato',
    ]);
    expect(en(changes)[1]).toBe('Group A “Gruppo A”: order of contents changed');
    // adding or removing a question between others is not a reordering
    expect(kinds(diffForms(a, form([q('X'), q('N'), q('Y'), group('A', [q('A1'), q('A3'), q('A4')])])))).toEqual([
      'question.added',
      'question.removed',
    ]);
  });

  it('reports groups and repeats added, removed, relabelled, retyped, with their questions', () => {
    const a = form([group('A', [q('A1'), group('AA', [q('AA1')])]), group('B', [q('B1')], { relevant: '${A1} > 0' })]);
    const b = form([
      repeat('B', [q('B1')], { label: { it: 'Insediamenti', en: 'Settlements' }, repeatCount: '${A0}' }),
      q('A0', { type: 'integer' }),
      repeat('N', [q('N1')]),
    ]);
    const changes = diffForms(a, b);
    expect(kinds(changes)).toEqual([
      'section.removed',
      'question.removed',
      'section.removed',
      'question.removed',
      'section.relabelled',
      'section.relabelled',
      'section.retyped',
      'section.relevant_changed',
      'section.repeat_count_changed',
      'question.added',
      'section.added',
      'question.added',
    ]);
    expect(it_(changes)).toEqual([
      'Gruppo A «Gruppo A»: rimosso',
      'Domanda A1 «Testo A1»: rimossa (era nel gruppo A «Gruppo A»)',
      'Gruppo AA «Gruppo AA»: rimosso (era nel gruppo A «Gruppo A»)',
      'Domanda AA1 «Testo AA1»: rimossa (era nel gruppo AA «Gruppo AA»)',
      'Ripetizione B «Insediamenti»: etichetta italiana cambiata',
      'Ripetizione B «Insediamenti»: etichetta inglese aggiunta',
      'Ripetizione B «Insediamenti»: era un gruppo',
      'Ripetizione B «Insediamenti»: condizione di visualizzazione tolta (era «${A1} > 0»)',
      'Ripetizione B «Insediamenti»: numero di ripetizioni aggiunto: «${A0}»',
      'Domanda A0 «Testo A0»: aggiunta',
      'Ripetizione N «Ripetizione N»: aggiunta',
      'Domanda N1 «Testo N1»: aggiunta nella ripetizione N «Ripetizione N»',
    ]);
    expect(en(changes)[6]).toBe('Repeat B “Settlements”: was a group');
  });
});

describe('diffForms: choice lists, title and settings', () => {
  it('reports choices added, removed, relabelled and their columns, lists added and removed', () => {
    const regioni = (rows: [string, string, string][]): ChoiceList => ({
      name: 'comuni',
      choices: rows.map(([name, it, regione]) => ({ name, label: { it }, extra: { regione } })),
    });
    const a = form(
      [],
      [
        sn,
        regioni([
          ['roma', 'Roma', 'lazio'],
          ['latina', 'Latina', 'lazio'],
          ['foggia', 'Foggia', 'puglia'],
        ]),
        list('vecchia', [['x', 'X']]),
      ],
    );
    const b = form(
      [],
      [
        list('sn', [
          ['no', 'No'],
          ['si', 'Sì'],
        ]),
        regioni([
          ['roma', 'Roma Capitale', 'lazio'],
          ['foggia', 'Foggia', 'puglia_nord'],
          ['bari', 'Bari', 'puglia'],
        ]),
        list('nuova', [['y', 'Y']]),
      ],
    );
    const changes = diffForms(a, b);
    expect(it_(changes)).toEqual([
      'Elenco di scelte sn: ordine delle scelte cambiato',
      'Elenco di scelte comuni, scelta roma «Roma Capitale»: etichetta italiana cambiata',
      'Elenco di scelte comuni, scelta latina «Latina»: rimossa',
      'Elenco di scelte comuni, scelta foggia «Foggia»: colonna regione: «puglia» → «puglia_nord»',
      'Elenco di scelte comuni, scelta bari «Bari»: aggiunta',
      'Elenco di scelte vecchia: rimosso',
      'Elenco di scelte nuova: aggiunto',
    ]);
    expect(en(changes)).toEqual([
      'Choice list sn: order of choices changed',
      'Choice list comuni, choice roma “Roma Capitale”: Italian label changed',
      'Choice list comuni, choice latina “Latina”: removed',
      'Choice list comuni, choice foggia “Foggia”: column regione: “puglia” → “puglia_nord”',
      'Choice list comuni, choice bari “Bari”: added',
      'Choice list vecchia: removed',
      'Choice list nuova: added',
    ]);
  });

  it('reports the title in each language and the settings, version first among them', () => {
    const a = form([], [], { version: '2021', title: { it: 'Censimento 2021' } });
    const b = form([], [], {
      version: '2024',
      title: { it: 'Indagine 2024', en: 'Survey 2024' },
      defaultLanguage: 'en',
    });
    const changes = diffForms(a, b);
    expect(it_(changes)).toEqual([
      'Titolo italiano del questionario cambiato: «Censimento 2021» → «Indagine 2024»',
      'Titolo inglese del questionario aggiunto: — → «Survey 2024»',
      'Impostazioni del questionario, versione: «2021» → «2024»',
      'Impostazioni del questionario, lingua predefinita: italiano → inglese',
    ]);
    expect(en(changes)).toEqual([
      'Italian title of the questionnaire changed: “Censimento 2021” → “Indagine 2024”',
      'English title of the questionnaire added: — → “Survey 2024”',
      'Questionnaire settings, version: “2021” → “2024”',
      'Questionnaire settings, default language: Italian → English',
    ]);
  });
});

describe('summarize', () => {
  it('counts questions (not changes) per kind, in words, Italian and English', () => {
    const a = form([q('A'), q('B'), q('C'), q('D')], [], { version: '1' });
    const b = form(
      [
        q('A', { label: { it: 'Nuova A', en: 'New A' } }),
        q('B', { label: { it: 'Nuova B' } }),
        q('C'),
        q('E'),
        q('F'),
        q('G', { type: 'integer' }),
      ],
      [],
      { version: '2' },
    );
    const counts = summarize(diffForms(a, b));
    expect(counts).toEqual([
      { kind: 'form.setting_changed', count: 1 },
      { kind: 'question.added', count: 3 },
      { kind: 'question.removed', count: 1 },
      { kind: 'question.relabelled', count: 2 },
    ]);
    expect(describeSummary(counts, 'it')).toBe(
      '1 impostazione cambiata, 3 domande aggiunte, 1 rimossa, 2 rietichettate',
    );
    expect(describeSummary(counts, 'en')).toBe('1 setting changed, 3 questions added, 1 removed, 2 relabelled');
    const one = summarize(
      diffForms(form([q('A')], [], { title: { it: 'X' } }), form([q('B')], [list('l', [['a', 'A']])])),
    );
    expect(describeSummary(one, 'it')).toBe(
      'titolo cambiato, 1 domanda aggiunta, 1 rimossa, 1 elenco di scelte aggiunto',
    );
    expect(describeSummary(one, 'en')).toBe('title changed, 1 question added, 1 removed, 1 choice list added');
  });
});

describe('symmetry', () => {
  it('what diff(a, b) adds, diff(b, a) removes, and moves go back', () => {
    const a = form([q('A'), group('G', [q('B'), q('C')])]);
    const b = form([q('A'), q('C'), group('G', [q('D')])]);
    const forward = diffForms(a, b);
    const backward = diffForms(b, a);
    expect(forward.filter((c) => c.kind === 'question.added')).toEqual(
      backward.filter((c) => c.kind === 'question.removed').map((c) => ({ ...c, kind: 'question.added' })),
    );
    expect(backward.find((c) => c.kind === 'question.moved')).toMatchObject({ from: null, to: { name: 'G' } });
    expect(forward.find((c) => c.kind === 'question.moved')).toMatchObject({ from: { name: 'G' }, to: null });
  });
});

/** Small random forms: a few questions, groups and repeats nested up to three levels. */
type Shape =
  | { kind: 'question'; type: 'text' | 'integer' | 'select_one'; label?: LocalText; relevant?: string }
  | { kind: 'group' | 'repeat'; items: Shape[] };
const localText = fc.record(
  { it: fc.constantFrom('Uno', 'Due', 'Quanti?'), en: fc.constantFrom('One', 'Two') },
  { requiredKeys: ['it'] },
);
const shapes = fc.letrec<{ item: Shape; question: Shape; section: Shape }>((tie) => ({
  item: fc.oneof({ depthSize: 'small' }, tie('question'), tie('question'), tie('section')),
  question: fc.record(
    {
      kind: fc.constant('question' as const),
      type: fc.constantFrom('text' as const, 'integer' as const, 'select_one' as const),
      label: localText,
      relevant: fc.constantFrom('${q1} > 0', "${q2} = 'a'"),
    },
    { requiredKeys: ['kind', 'type'] },
  ),
  section: fc.record({
    kind: fc.constantFrom('group' as const, 'repeat' as const),
    items: fc.array(tie('item'), { maxLength: 3 }),
  }),
})).item;

function build(items: Shape[]): Form {
  let n = 0;
  const toItems = (xs: Shape[]): Item[] =>
    xs.map((s): Item => {
      n += 1;
      if (s.kind !== 'question') return { kind: s.kind, name: `s${n}`, items: toItems(s.items) };
      const { kind, type, ...rest } = s;
      const base = { kind, name: `q${n}`, required: false, readOnly: false, ...rest };
      return type === 'select_one' ? { ...base, type, listName: 'l', other: false } : { ...base, type };
    });
  return form(toItems(items), [list('l', [['a', 'A']])]);
}
const forms = fc.array(shapes, { maxLength: 6 }).map(build);

describe('properties on random forms', () => {
  it('a form compared with itself has no changes', () => {
    fc.assert(fc.property(forms, (x) => diffForms(x, structuredClone(x)).length === 0));
  });

  it('questions added in diff(a, b) are those removed in diff(b, a), moves reversed', () => {
    const names = (changes: FormChange[], kind: FormChange['kind']) =>
      changes.flatMap((c) => (c.kind === kind && 'question' in c ? [c.question.name] : [])).sort();
    fc.assert(
      fc.property(forms, forms, (a, b) => {
        const forward = diffForms(a, b);
        const backward = diffForms(b, a);
        expect(names(forward, 'question.added')).toEqual(names(backward, 'question.removed'));
        expect(names(forward, 'question.removed')).toEqual(names(backward, 'question.added'));
        expect(names(forward, 'question.moved')).toEqual(names(backward, 'question.moved'));
        const added = summarize(forward).find((c) => c.kind === 'question.added');
        expect(added?.count ?? 0).toBe(names(forward, 'question.added').length);
      }),
    );
  });
});

describe('the diff stays importable by the browser', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  it.each(['diff.ts', 'diff-words.ts'])('%s imports only types of the model and uses no Node API', (file) => {
    const text = readFileSync(`${here}/${file}`, 'utf8');
    const imports = [...text.matchAll(/^(import|export)( type)?[^;]*? from '([^']+)';/gms)].map(
      (m) => `${m[2] ?? 'value'} ${m[3]}`,
    );
    expect(
      imports.every((i) => i === ' type ./model.js' || i === ' type ./diff.js' || i === 'value ./diff-words.js'),
    ).toBe(true);
    expect(text).not.toMatch(/\b(process|Buffer)\.|\brequire\(|'node:/);
  });
});
