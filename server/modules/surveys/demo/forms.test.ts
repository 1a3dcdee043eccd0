/**
 * The demo questionnaires: the committed XLSForm files import without errors, say what their
 * descriptions say (the files are regenerated after a change), and have the features the demo
 * shows (sections, skip logic, constraints with Italian messages, repeats, ranges with estimate
 * quality, reference periods, "other (specify)", calculations). The generated answers are valid
 * for them: the form engine finds nothing wrong in a complete answer set, and only missing
 * answers in a partial one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../platform/paths.js';
import { readWorkbook } from '../../../platform/upload/index.js';
import { evaluateForm } from '../shared/form/engine/index.js';
import { walkItems, type Form, type Question } from '../shared/form/model.js';
import { countQuestions } from '../shared/form/xlsform-export.js';
import { XLSFORM_SHEETS, importXlsForm } from '../shared/form/xlsform-import.js';
import type { DemoComune } from './answers.js';
import { demoFormFiles, demoFormsDir } from './forms/index.js';
import { xlsformSheets } from './forms/xlsform-rows.js';
import { CENSUS_2021, SALUZZO, SURVEY_2024, VITTORIA, planCensus2021, planSurvey2024 } from './plan.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
const evalOptions = { today: '2026-11-30', now: TODAY };
const forms = {} as Record<'census2021' | 'survey2024', Form>;

/** The registry's Comuni as the seed reads them, from the committed registry file. */
function registryComuni(): DemoComune[] {
  const rows = parse<Record<string, string>>(
    readFileSync(join(projectRoot(), 'data-sources', 'registry', 'comuni.csv')),
    {
      columns: true,
    },
  );
  return rows.map((r) => ({
    istat: r.istat_code!,
    name: r.name!,
    catastale: r.codice_catastale || null,
    province: r.province_code!,
    region: r.region_code!,
    population: Number(r.population),
  }));
}

beforeAll(async () => {
  for (const f of demoFormFiles) {
    const book = await readWorkbook({
      bytes: readFileSync(join(demoFormsDir(), f.file)),
      sheets: [...XLSFORM_SHEETS],
    });
    const result = importXlsForm(book);
    if (!result.ok) throw new Error(`${f.file}: ${JSON.stringify(result.errors)}`);
    expect(result.warnings, f.file).toEqual([]);
    forms[f.key] = result.form;
    // the file is what its description writes (run `npm run demo:survey-forms` after a change)
    const expected = xlsformSheets(f.description);
    for (const sheet of expected) {
      const read = book.sheets[sheet.name]!;
      expect(read.header, `${f.file} ${sheet.name}`).toEqual(sheet.header);
      expect(
        read.rows.map((r) => r.cells.map((c) => c)),
        `${f.file} ${sheet.name}`,
      ).toEqual(sheet.rows.map((row) => row.map((c) => c ?? '')).map((row) => trimEnd(row, read.header.length)));
    }
  }
});

/** A row as the reader gives it back: one cell per header column, empty cells as ''. */
function trimEnd(row: string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => row[i] ?? '');
}

const questions = (form: Form): Question[] =>
  [...walkItems(form.items)].flatMap(([item]) => (item.kind === 'question' ? [item] : []));

describe('the demo questionnaires', () => {
  it('import as the 2021 census and the 2024 survey, in Italian and English', () => {
    const census = forms.census2021;
    expect(census.id).toBe('censimento_abitativo_2021');
    expect(census.title.it).toBe('Le condizioni abitative dei migranti che lavorano nel settore agro-alimentare');
    expect(countQuestions(census)).toBe(38);
    expect(census.items.map((i) => i.name)).toEqual(['sez_a', 'sez_b', 'sez_c', 'sez_d', 'sez_e']);
    const survey = forms.survey2024;
    expect(survey.id).toBe('indagine_governance_2024');
    expect(countQuestions(survey)).toBe(28);
    expect(survey.items.map((i) => i.name)).toEqual(['sez_a', 'sez_b', 'sez_c', 'sez_d']);
    for (const form of [census, survey])
      for (const q of questions(form))
        if (q.type !== 'calculate') expect(q.label?.it && q.label.en, q.name).toBeTruthy();
  });

  it('has section A of the census as published (A1–A3b, roles, codice catastale)', () => {
    const census = forms.census2021;
    const byName = new Map(questions(census).map((q) => [q.name, q]));
    for (const n of ['a1_comune', 'a1a_catastale', 'a2_nome', 'a3_ruolo', 'a3a_deleghe', 'a3b_ufficio', 'a4_email'])
      expect(byName.has(n), n).toBe(true);
    expect(byName.get('a3a_deleghe')!.relevant).toBe("${a3_ruolo} = 'assessore'");
    expect(byName.get('a1a_catastale')!.constraintMessage?.it).toMatch(/codice catastale/);
    const roles = census.lists.find((l) => l.name === 'ruolo')!.choices.map((c) => c.name);
    expect(roles).toEqual(['sindaco', 'assessore', 'dirigente', 'polizia_locale', 'servizi_sociali', 'altro']);
  });

  it('has settlements as a repeat with ranges, estimate quality, season and services, and no coordinates', () => {
    const census = forms.census2021;
    const repeat = [...walkItems(census.items)].find(([i]) => i.kind === 'repeat')![0];
    expect(repeat.name).toBe('insediamenti');
    expect(repeat.kind === 'repeat' && repeat.repeatCount).toBe('${c2a_numero}');
    const inside = repeat.kind === 'repeat' ? repeat.items.map((i) => i.name) : [];
    expect(inside).toEqual([
      'ins_localita',
      'ins_tipo',
      'ins_tipologia_formale',
      'ins_tipologia_informale',
      'ins_persone',
      'ins_stagionalita',
      'ins_periodo',
      'ins_servizi',
      'ins_distanza_km',
      'ins_anni',
    ]);
    const byName = new Map(questions(census).map((q) => [q.name, q]));
    expect(byName.get('ins_persone')).toMatchObject({ type: 'range_estimate', min: 1, max: 10000, required: true });
    expect(byName.get('ins_periodo')).toMatchObject({ type: 'reference_period', unit: 'month' });
    expect(byName.get('ins_servizi')).toMatchObject({ type: 'select_multiple', other: true });
    expect(byName.get('ins_servizi')!.constraintMessage?.it).toMatch(/Nessuno/);
    expect(byName.get('b3_stagionali')).toMatchObject({ type: 'range_estimate', min: 1, max: 50000 });
    expect(byName.get('c_persone_insediamenti')).toMatchObject({
      type: 'calculate',
      calculation: 'sum(${ins_persone})',
    });
    expect(byName.get('c2_insediamenti')).toMatchObject({ type: 'yes_no', yes: 'si', no: 'no' });
    // nothing in either form could hold a position
    for (const form of [census, forms.survey2024]) {
      for (const q of questions(form)) expect(q.name).not.toMatch(/lat|lon|coord|gps|indirizzo/);
    }
  });

  it('has the 2024 survey’s sectors, forms of exploitation, governance tools and projects', () => {
    const survey = forms.survey2024;
    const byName = new Map(questions(survey).map((q) => [q.name, q]));
    expect(byName.get('b2_settori')).toMatchObject({
      type: 'select_multiple',
      other: true,
      relevant: "${b1_settori_rischio} = 'si'",
    });
    expect(byName.get('b3_forme')).toMatchObject({ type: 'select_multiple', other: true });
    const governance = survey.lists.find((l) => l.name === 'governance')!.choices.map((c) => c.name);
    expect(governance).toEqual(expect.arrayContaining(['tavolo_prefettura', 'protocollo', 'plm']));
    expect(byName.get('c4a_plm_data')).toMatchObject({ type: 'date', relevant: "selected(${c4_governance}, 'plm')" });
    expect(byName.get('c4a_plm_data')!.constraintMessage?.it).toMatch(/2020/);
    expect(byName.get('c_importo_progetti')).toMatchObject({ type: 'calculate' });
    const assi = survey.lists.find((l) => l.name === 'assi')!.choices.map((c) => c.label?.it);
    expect(assi).toEqual([
      'Prevenzione',
      'Vigilanza e contrasto',
      'Protezione e assistenza',
      'Reintegrazione socio-lavorativa',
    ]);
  });

  it('shows its own Italian message when a constraint fails, and skips what is not relevant', () => {
    const census = forms.census2021;
    const e = evaluateForm(census, { a1a_catastale: 'roma', b1_presenza: 'no', c2a_numero: 5 }, evalOptions);
    const catastale = e.issues.find((i) => i.name === 'a1a_catastale')!;
    expect(catastale.code).toBe('answer.constraint');
    expect(catastale.message.it).toMatch(/una lettera maiuscola e tre cifre/);
    // no workers: sections B (rest), C and D are skipped, so their answers do not count
    expect(e.items.find((i) => i.name === 'c2a_numero')!.relevant).toBe(false);
    expect(e.values).not.toHaveProperty('c2a_numero');
  });
});

describe('the generated answers', () => {
  const comuni = registryComuni();
  const census = planCensus2021(comuni);
  const universe2024 = comuni.filter((c) => c.population > 15_000);
  const survey = planSurvey2024(universe2024, TODAY);

  it('are complete and valid for every Comune that sent its questionnaire, in both waves', () => {
    const sent = new Set(['inviato', 'in_validazione', 'validato', 'da_ricontattare', 'consolidato']);
    let checked = 0;
    for (const [plan, form] of [
      [census.responses, forms.census2021],
      [survey.responses, forms.survey2024],
    ] as const) {
      for (const r of plan) {
        if (!sent.has(r.status)) continue;
        const e = evaluateForm(form, r.answers, evalOptions);
        expect(e.issues, `${r.comune.istat} ${JSON.stringify(e.issues.slice(0, 3))}`).toEqual([]);
        expect(e.formProblems).toEqual([]);
        expect(e.complete).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(CENSUS_2021.respondents + SURVEY_2024.submitted);
  });

  it('leave only required answers missing in a questionnaire still being filled in', () => {
    for (const [plan, form] of [
      [census.responses, forms.census2021],
      [survey.responses, forms.survey2024],
    ] as const) {
      const partial = plan.filter((r) => r.status === 'in_compilazione');
      expect(partial.length).toBeGreaterThan(20);
      for (const r of partial) {
        const e = evaluateForm(form, r.answers, evalOptions);
        expect(new Set(e.issues.map((i) => i.code)), r.comune.istat).toEqual(new Set(['answer.required']));
      }
    }
  });

  it('tell of 608 Comuni with foreign agri-food workers and 38 with informal settlements, mostly in the South', () => {
    const answered = census.responses.filter((r) => r.status === 'consolidato');
    expect(answered).toHaveLength(3851);
    const workers = answered.filter((r) => r.answers.b1_presenza === 'si');
    expect(workers).toHaveLength(608);
    type Settlement = { ins_tipo: string; ins_persone: { value?: number; min?: number; max?: number } };
    const settlementsOf = (r: (typeof answered)[number]) => (r.answers.insediamenti ?? []) as Settlement[];
    const informal = answered.filter((r) => settlementsOf(r).some((s) => s.ins_tipo === 'informale'));
    expect(informal).toHaveLength(38);
    const count = informal.flatMap((r) => settlementsOf(r).filter((s) => s.ins_tipo === 'informale'));
    expect(count.length).toBeGreaterThan(100);
    expect(count.length).toBeLessThan(220);
    const persons = count.reduce((s, x) => s + (x.ins_persone.value ?? x.ins_persone.min ?? 0), 0);
    expect(persons).toBeGreaterThan(5_000);
    const south = informal.filter((r) => ['15', '16', '17', '18', '19', '12'].includes(r.comune.region));
    expect(south.length).toBeGreaterThanOrEqual(28);
    const north = informal.filter((r) => ['004', '023'].includes(r.comune.province));
    expect(north.length).toBeGreaterThanOrEqual(1);
    // Piemonte leads for Comuni with workers
    const byRegion = new Map<string, number>();
    for (const r of workers) byRegion.set(r.comune.region, (byRegion.get(r.comune.region) ?? 0) + 1);
    const top = [...byRegion.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('01');
    // persons as ranges with estimate quality, never coordinates
    const qualities = new Set(count.map((s) => (s.ins_persone as { quality?: string }).quality));
    expect(qualities.has('stima')).toBe(true);
  });

  it('give the 2024 survey 603 questionnaires sent, with high-risk sectors for about two thirds', () => {
    const sent = survey.responses.filter((r) =>
      ['inviato', 'in_validazione', 'validato', 'da_ricontattare'].includes(r.status),
    );
    expect(sent).toHaveLength(603);
    const risk = sent.filter((r) => r.answers.b1_settori_rischio === 'si');
    expect(risk).toHaveLength(413);
    const active = sent.filter((r) => r.answers.c1_attivato === 'si');
    expect(active).toHaveLength(121);
    const agri = risk.filter((r) => String(r.answers.b2_settori).split(' ').includes('agricoltura'));
    expect(agri.length / sent.length).toBeGreaterThan(0.3);
    expect(agri.length / sent.length).toBeLessThan(0.6);
    const returned = survey.responses.filter((r) => r.status === 'da_ricontattare');
    expect(returned).toHaveLength(18);
    for (const r of returned) expect(r.flags.filter((f) => f.resolvedAt === null).length).toBeGreaterThan(0);
    expect(survey.responses.find((r) => r.comune.istat === SALUZZO)!.status).toBe('in_compilazione');
    expect(survey.responses.find((r) => r.comune.istat === VITTORIA)!.status).toBe('da_ricontattare');
  });

  it('are the same at every run', () => {
    const again = planSurvey2024(universe2024, TODAY);
    const content = (p: typeof survey) => p.responses.map((r) => [r.comune.istat, r.status, r.answers, r.events]);
    expect(content(again)).toEqual(content(survey));
  });

  it('name obviously fictitious respondents at example.it addresses', () => {
    for (const r of [...census.responses, ...survey.responses]) {
      if (typeof r.answers.a4_email !== 'string') continue;
      expect(r.answers.a4_email).toMatch(/@[a-z0-9-]+\.comuni\.example\.it$/);
      expect(r.answers.a2_nome).toMatch(
        / (Prova|Esempio|Fittizio|Campione|Modello|Simulato|Dimostrativo|Provvisorio)$/,
      );
    }
  });
});
