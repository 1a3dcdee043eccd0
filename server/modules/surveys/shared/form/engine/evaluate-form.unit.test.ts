import { describe, expect, it } from 'vitest';
import { cycles, evaluateForm, type FormEvaluation } from './index.js';
import { clock, form, group, list, q, repeat } from './test-forms.js';

const codesAt = (r: FormEvaluation, path: string): string[] =>
  r.issues.filter((i) => i.path === path).map((i) => i.code);
const state = (r: FormEvaluation, path: string) => r.items.find((i) => i.path === path);

describe('relevance', () => {
  const f = form([
    q('ha_insediamenti', 'yes_no', { required: true }),
    group('alloggi', [q('quanti', 'integer', { required: true, constraint: '. > 0' }), q('note_alloggi', 'text')], {
      relevant: "${ha_insediamenti} = 'si'",
    }),
  ]);

  it('a group that is not relevant hides its children: no required, no type check, answers dropped', () => {
    const r = evaluateForm(f, { ha_insediamenti: 'no', quanti: 'not a number', note_alloggi: 'x' }, clock);
    expect(state(r, 'alloggi')?.relevant).toBe(false);
    expect(state(r, 'quanti')).toMatchObject({ relevant: false, required: false });
    expect(r.issues).toEqual([]);
    expect(r.complete).toBe(true);
    expect({ ...r.values }).toEqual({ ha_insediamenti: 'no' });
  });

  it('the same questions are required and checked once the group is relevant', () => {
    const r = evaluateForm(f, { ha_insediamenti: 'si' }, clock);
    expect(state(r, 'quanti')).toMatchObject({ relevant: true, required: true, answered: false });
    expect(codesAt(r, 'quanti')).toEqual(['answer.required']);
    expect(codesAt(evaluateForm(f, { ha_insediamenti: 'si', quanti: 1.5 }, clock), 'quanti')).toEqual([
      'answer.not_integer',
    ]);
    expect(codesAt(evaluateForm(f, { ha_insediamenti: 'si', quanti: 0 }, clock), 'quanti')).toEqual([
      'answer.constraint',
    ]);
  });

  it('an answer that is not relevant reads as empty in other expressions', () => {
    const g = form([
      q('a', 'integer'),
      q('b', 'integer', { relevant: '${a} > 0' }),
      q('c', 'calculate', { calculation: "if(${b} = '', 'vuoto', ${b})" }),
    ]);
    expect(state(evaluateForm(g, { a: 0, b: 7 }, clock), 'c')?.value).toBe('vuoto');
    expect(state(evaluateForm(g, { a: 1, b: 7 }, clock), 'c')?.value).toBe('7');
  });
});

describe('required', () => {
  it('an expression makes a question required only when it holds, and only when relevant', () => {
    const f = form([
      q('ruolo', 'text'),
      q('email', 'text', {
        requiredIf: "${ruolo} != ''",
        relevant: "${ruolo} != 'nessuno'",
        requiredMessage: { it: "Indicare l'e-mail", en: 'Give the e-mail' },
      }),
    ]);
    expect(evaluateForm(f, {}, clock).issues).toEqual([]);
    const r = evaluateForm(f, { ruolo: 'sindaco' }, clock);
    expect(r.issues).toEqual([
      {
        path: 'email',
        name: 'email',
        section: null,
        code: 'answer.required',
        message: { it: "Indicare l'e-mail", en: 'Give the e-mail' },
      },
    ]);
    expect(evaluateForm(f, { ruolo: 'nessuno' }, clock).issues).toEqual([]);
  });

  it('blank text is not an answer', () => {
    const r = evaluateForm(form([q('nome', 'text', { required: true })]), { nome: '   ' }, clock);
    expect(codesAt(r, 'nome')).toEqual(['answer.required']);
  });
});

describe('constraints', () => {
  it('`.` is the answer itself; the form message, else a default one in both languages', () => {
    const f = form([
      q('perc', 'decimal', {
        constraint: '. >= 0 and . <= 100',
        constraintMessage: { it: 'Tra 0 e 100', en: 'Between 0 and 100' },
      }),
      q('anno', 'integer', { constraint: '. <= 2026' }),
    ]);
    expect(evaluateForm(f, { perc: 50, anno: 2020 }, clock).issues).toEqual([]);
    const r = evaluateForm(f, { perc: 101, anno: 2030 }, clock);
    expect(r.issues.map((i) => [i.path, i.code, i.message.it])).toEqual([
      ['perc', 'answer.constraint', 'Tra 0 e 100'],
      ['anno', 'answer.constraint', 'Il valore inserito non è accettato'],
    ]);
    expect(r.issues[1]?.message.en).toBe('The value given is not accepted');
  });

  it('an empty answer is not checked against its constraint', () => {
    const r = evaluateForm(form([q('n', 'integer', { constraint: '. > 5' })]), { n: null }, clock);
    expect(r.issues).toEqual([]);
  });

  it('dates are checked as dates and compared with today', () => {
    const f = form([q('dal', 'date', { constraint: '. <= today()' })]);
    expect(codesAt(evaluateForm(f, { dal: '2026-02-30' }, clock), 'dal')).toEqual(['answer.not_date']);
    expect(codesAt(evaluateForm(f, { dal: '2027-01-01' }, clock), 'dal')).toEqual(['answer.constraint']);
    expect(evaluateForm(f, { dal: '2026-01-01' }, clock).issues).toEqual([]);
  });
});

describe('calculations', () => {
  it('are computed in dependency order, whatever the order they are declared in', () => {
    const f = form([
      q('a', 'calculate', { calculation: '${b} + 1' }),
      q('b', 'calculate', { calculation: '${c} * 2' }),
      q('c', 'calculate', { calculation: '${n} - 1' }),
      q('n', 'integer'),
      q('check', 'integer', { constraint: '. = ${a}' }),
    ]);
    const r = evaluateForm(f, { n: 4, check: 7 }, clock);
    expect(['a', 'b', 'c'].map((p) => state(r, p)?.value)).toEqual(['7', '6', '3']);
    expect(r.issues).toEqual([]);
    expect({ ...r.values }).toEqual({ a: '7', b: '6', c: '3', n: 4, check: 7 });
    expect(r.cycles).toEqual([]);
  });

  it('a cycle is reported, by cycles() for the importer and by evaluateForm, and never loops', () => {
    const f = form([
      q('x', 'integer'),
      q('a', 'calculate', { calculation: '${b} + 1' }),
      q('b', 'calculate', { calculation: '${c} + ${x}' }),
      q('c', 'calculate', { calculation: '${a}' }),
      q('ok', 'calculate', { calculation: '${x} * 2' }),
    ]);
    const found = cycles(f);
    expect(found.map((c) => c.names)).toEqual([['a', 'b', 'c']]);
    expect(found[0]?.message.it).toContain('${a} → ${b} → ${c} → ${a}');
    const r = evaluateForm(f, { x: 2 }, clock);
    expect(r.cycles.map((c) => c.names)).toEqual([['a', 'b', 'c']]);
    expect(state(r, 'ok')?.value).toBe('4');
  });

  it('a relevance that depends on the group holding it is a cycle too', () => {
    const f = form([group('g', [q('inside', 'integer')], { relevant: '${inside} > 0' })]);
    expect(cycles(f).map((c) => c.names)).toEqual([['g', 'inside']]);
    expect(cycles(form([q('a', 'integer', { constraint: '. > ${a}' })]))).toEqual([]);
  });
});

describe('repeats', () => {
  const f = form(
    [
      q('n_insediamenti', 'integer'),
      repeat(
        'insediamenti',
        [
          q('tipo', 'select_one', { listName: 'tipi', required: true }),
          q('persone', 'range_estimate', { relevant: "${tipo} = 'informale'", required: true }),
          q('famiglie', 'integer', { constraint: "${persone} = '' or . <= ${persone}" }),
          repeat('stagioni', [q('mese', 'integer', { constraint: '. >= 1 and . <= 12' })]),
        ],
        { repeatCount: '${n_insediamenti}', label: { it: 'Insediamento', en: 'Settlement' } },
      ),
      q('totale', 'calculate', { calculation: 'count(${insediamenti})' }),
    ],
    [list('tipi', ['formale', 'informale'])],
  );

  it('relevance and sibling references work per instance', () => {
    const r = evaluateForm(
      f,
      {
        n_insediamenti: 2,
        insediamenti: [
          { tipo: 'formale', persone: { value: 10, quality: 'certo' }, famiglie: 99 },
          { tipo: 'informale', persone: { min: 20, max: 40, quality: 'stima' }, famiglie: 31 },
        ],
      },
      clock,
    );
    expect(state(r, 'insediamenti[0].persone')?.relevant).toBe(false);
    expect(state(r, 'insediamenti[1].persone')?.relevant).toBe(true);
    // the first instance's persone is not relevant (empty), the second's is the middle of 20–40
    expect(codesAt(r, 'insediamenti[0].famiglie')).toEqual([]);
    expect(codesAt(r, 'insediamenti[1].famiglie')).toEqual(['answer.constraint']);
    expect(state(r, 'totale')?.value).toBe('2');
    const values = r.values.insediamenti as Record<string, unknown>[];
    expect(values.map((v) => ({ ...v }))).toEqual([
      { tipo: 'formale', famiglie: 99, stagioni: [] },
      { tipo: 'informale', persone: { min: 20, max: 40, quality: 'stima' }, famiglie: 31, stagioni: [] },
    ]);
  });

  it('required in each instance, with nested repeats, and repeat_count honoured', () => {
    const r = evaluateForm(
      f,
      {
        n_insediamenti: 3,
        insediamenti: [{ tipo: 'informale', stagioni: [{ mese: 3 }, { mese: 13 }] }, {}],
      },
      clock,
    );
    expect(codesAt(r, 'insediamenti')).toEqual(['answer.repeat_count']);
    expect(r.issues.find((i) => i.path === 'insediamenti')?.message.it).toBe('Servono esattamente 3 voci');
    expect(codesAt(r, 'insediamenti[0].persone')).toEqual(['answer.required']);
    expect(codesAt(r, 'insediamenti[1].tipo')).toEqual(['answer.required']);
    expect(codesAt(r, 'insediamenti[0].stagioni[1].mese')).toEqual(['answer.constraint']);
    expect(codesAt(r, 'insediamenti[0].stagioni[0].mese')).toEqual([]);
  });

  it('a repeat given as something else than a list is reported and read as no entries', () => {
    const r = evaluateForm(f, { insediamenti: 'tre' }, clock);
    expect(codesAt(r, 'insediamenti')).toEqual(['answer.not_repeat']);
    expect(state(r, 'totale')?.value).toBe('0');
  });
});

describe('selects', () => {
  const f = form(
    [
      q('settori', 'select_multiple', {
        listName: 'settori',
        other: true,
        constraint: 'count-selected(.) <= 2',
        constraintMessage: { it: 'Al massimo due', en: 'Two at most' },
      }),
      q('principale', 'select_one', { listName: 'settori', choiceFilter: 'selected(${settori}, name)' }),
      q('regione', 'select_one', { listName: 'regioni' }),
      q('provincia', 'select_one', { listName: 'province', choiceFilter: 'regione = ${regione}' }),
    ],
    [
      list('settori', ['agricoltura', 'allevamento', 'trasformazione']),
      list('regioni', ['puglia', 'lazio']),
      list('province', ['fg', 'lt'], [{ regione: 'puglia' }, { regione: 'lazio' }]),
    ],
  );

  it('count-selected, codes in the list, and other (specify)', () => {
    expect(evaluateForm(f, { settori: 'agricoltura  allevamento' }, clock).issues).toEqual([]);
    const r = evaluateForm(f, { settori: 'agricoltura allevamento trasformazione' }, clock);
    expect(r.issues.map((i) => i.message.it)).toEqual(['Al massimo due']);
    expect(codesAt(evaluateForm(f, { settori: 'pesca' }, clock), 'settori')).toEqual(['answer.unknown_choice']);
    expect(codesAt(evaluateForm(f, { settori: 'other' }, clock), 'settori')).toEqual(['answer.other_missing']);
    const ok = evaluateForm(f, { settori: 'agricoltura other', settori_other: 'vivai' }, clock);
    expect(ok.issues).toEqual([]);
    expect(ok.values.settori_other).toBe('vivai');
  });

  it('choice filters on the choice name and on extra columns', () => {
    const base = { settori: 'agricoltura', regione: 'puglia' };
    expect(evaluateForm(f, { ...base, principale: 'agricoltura', provincia: 'fg' }, clock).issues).toEqual([]);
    const r = evaluateForm(f, { ...base, principale: 'allevamento', provincia: 'lt' }, clock);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['principale', 'answer.choice_not_allowed'],
      ['provincia', 'answer.choice_not_allowed'],
    ]);
  });

  it('gives the choices a filter lets through, for the renderer', () => {
    const r = evaluateForm(f, { settori: 'agricoltura trasformazione', regione: 'lazio' }, clock);
    const at = (name: string) => r.items.find((i) => i.name === name);
    expect(at('principale')?.choices).toEqual(['agricoltura', 'trasformazione']);
    expect(at('provincia')?.choices).toEqual(['lt']);
    expect(at('settori')?.choices).toBeUndefined();
  });

  it('yes/no takes its two codes only', () => {
    const g = form([q('sai', 'yes_no')]);
    expect(codesAt(evaluateForm(g, { sai: 'forse' }, clock), 'sai')).toEqual(['answer.unknown_choice']);
    expect(evaluateForm(g, { sai: 'si' }, clock).issues).toEqual([]);
  });
});

describe('range estimates and reference periods', () => {
  const f = form([
    q('persone', 'range_estimate', { min: 0, max: 5000, required: true }),
    q('periodo', 'reference_period', { unit: 'month' }),
  ]);
  const check = (persone: unknown, periodo?: unknown) =>
    codesAt(evaluateForm(f, { persone, periodo }, clock), 'persone');

  it('a value or a min–max range, with a quality from the list', () => {
    expect(check({ value: 12, quality: 'certo' })).toEqual([]);
    expect(check({ min: 10, max: 20, quality: 'stima' })).toEqual([]);
    expect(check({ quality: 'non_noto' })).toEqual([]);
    expect(check({ min: 30, max: 20, quality: 'stima' })).toEqual(['answer.range_order']);
    expect(check({ min: 10, max: 9000, quality: 'stima' })).toEqual(['answer.range_bounds']);
    expect(check({ value: 12, quality: 'quasi' })).toEqual(['answer.range_quality']);
    expect(check({ value: 12 })).toEqual(['answer.range_quality']);
    expect(check({ value: 12, min: 1, max: 20, quality: 'stima' })).toEqual(['answer.range_shape']);
    expect(check({ min: 1, quality: 'stima' })).toEqual(['answer.range_shape']);
    expect(check({ quality: 'stima' })).toEqual(['answer.range_shape']);
    expect(check({ value: 1.5, quality: 'certo' })).toEqual(['answer.not_integer']);
    expect(check(12)).toEqual(['answer.range_shape']);
    expect(check({})).toEqual(['answer.required']);
  });

  it('a period in the unit of the question, start before end', () => {
    const p = (periodo: unknown) =>
      codesAt(evaluateForm(f, { persone: { quality: 'non_noto' }, periodo }, clock), 'periodo');
    expect(p({ from: '2024-01', to: '2024-12' })).toEqual([]);
    expect(p({ from: '2024-12', to: '2024-01' })).toEqual(['answer.period_order']);
    expect(p({ from: '2024-01-01', to: '2024-12' })).toEqual(['answer.period_shape']);
    expect(p({ from: '2024-13', to: '2024-12' })).toEqual(['answer.period_shape']);
  });
});

describe('type checks', () => {
  const f = form([
    q('t', 'text'),
    q('i', 'integer'),
    q('d', 'decimal'),
    q('ok', 'acknowledge'),
    q('nota', 'note', { required: true }),
  ]);

  it('reports answers of the wrong type with a stable code, and not the note', () => {
    const r = evaluateForm(f, { t: 5, i: '3', d: 'x', ok: 'no' }, clock);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['t', 'answer.not_text'],
      ['i', 'answer.not_integer'],
      ['d', 'answer.not_number'],
      ['ok', 'answer.not_acknowledged'],
    ]);
    expect(codesAt(evaluateForm(f, { t: 'x'.repeat(10_001) }, clock), 't')).toEqual(['answer.too_long']);
    expect(evaluateForm(f, { t: 'ciao', i: -3, d: 2.5, ok: 'OK' }, clock).issues).toEqual([]);
  });

  it('answers under names of the prototype are plain keys', () => {
    const g = form([q('constructor', 'text', { required: true }), q('__proto__', 'integer')]);
    const r = evaluateForm(g, JSON.parse('{"__proto__": 5}') as Record<string, unknown>, clock);
    expect(codesAt(r, 'constructor')).toEqual(['answer.required']);
    expect(r.values.__proto__).toBe(5);
  });
});

describe('progress and the list of what is missing', () => {
  const f = form([
    q('comune', 'text', { required: true }),
    group('A', [q('A1', 'text', { required: true }), q('A2', 'text'), q('A3', 'calculate', { calculation: '1' })], {
      label: { it: 'Rispondente', en: 'Respondent' },
    }),
    group('B', [
      q('B1', 'yes_no', { required: true }),
      q('B3', 'integer', { required: true, relevant: "${B1} = 'si'" }),
    ]),
    repeat('C', [q('C1', 'text', { required: true })], { label: { it: 'Insediamento', en: 'Settlement' } }),
  ]);

  it('counts per section and words each missing answer for the Comune', () => {
    const r = evaluateForm(f, { comune: 'Foggia', A2: 'x', B1: 'si', C: [{ C1: 'a' }, {}] }, clock);
    expect(r.sections).toEqual([
      {
        name: null,
        label: { it: 'Domande generali', en: 'General questions' },
        questions: 1,
        answered: 1,
        required: 1,
        missing: 0,
      },
      { name: 'A', label: { it: 'Rispondente', en: 'Respondent' }, questions: 2, answered: 1, required: 1, missing: 1 },
      { name: 'B', label: { it: 'B', en: 'B' }, questions: 2, answered: 1, required: 2, missing: 1 },
      {
        name: 'C',
        label: { it: 'Insediamento', en: 'Settlement' },
        questions: 2,
        answered: 1,
        required: 2,
        missing: 1,
      },
    ]);
    expect(r.missing.map((m) => [m.path, m.message.it])).toEqual([
      ['A1', 'Sezione «Rispondente», domanda A1: obbligatoria'],
      ['B3', 'Sezione «B», domanda B3: obbligatoria'],
      ['C[1].C1', 'Sezione «Insediamento», Insediamento n. 2, domanda C1: obbligatoria'],
    ]);
    expect(r.missing[0]?.message.en).toBe('Section "Respondent", question A1: required');
    expect(r.complete).toBe(false);
  });

  it('a question that is not relevant is neither counted nor missing', () => {
    const r = evaluateForm(f, { comune: 'Foggia', A1: 'x', B1: 'no' }, clock);
    expect(r.sections.find((s) => s.name === 'B')).toMatchObject({ questions: 1, required: 1, missing: 0 });
    expect(r.missing).toEqual([]);
    expect(r.complete).toBe(true);
  });
});

describe('expressions the engine cannot read', () => {
  it('are reported for the author and ignored, never thrown', () => {
    const f = form([q('a', 'integer', { relevant: '${a} >', constraint: 'nope(.)' })]);
    const r = evaluateForm(f, { a: 1 }, clock);
    expect(r.formProblems.map((p) => [p.name, p.field])).toEqual([
      ['a', 'relevant'],
      ['a', 'constraint'],
    ]);
    expect(state(r, 'a')?.relevant).toBe(true);
    expect(r.issues).toEqual([]);
  });
});
