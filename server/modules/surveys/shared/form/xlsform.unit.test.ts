/**
 * XLSForm import and export, on workbooks written here the way Kobo and ODK authors write them,
 * read with the parser the upload worker runs (parseWorkbook).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../../../platform/upload/limits.js';
import { parseWorkbook, type ParsedWorkbook } from '../../../../platform/upload/parse.js';
import { Form, walkItems, type Item, type Question } from './model.js';
import { formToSheets, writeXlsForm } from './xlsform-export.js';
import { XLSFORM_SHEETS, formatIssue, importXlsForm, type ImportOptions, type ImportResult } from './xlsform-import.js';

type Cell = string | number | boolean | null;

async function xlsx(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const read = (bytes: Buffer): Promise<ParsedWorkbook> =>
  parseWorkbook({ bytes, sheets: [...XLSFORM_SHEETS], maxRows: UPLOAD_LIMITS.rows }, UPLOAD_LIMITS);

async function load(sheets: Record<string, Cell[][]>, options?: ImportOptions): Promise<ImportResult> {
  return importXlsForm(await read(await xlsx(sheets)), options);
}

async function form(sheets: Record<string, Cell[][]>, options?: ImportOptions) {
  const result = await load(sheets, options);
  if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e, 'en')).join('\n'));
  return result;
}

async function errors(sheets: Record<string, Cell[][]>, options?: ImportOptions) {
  const result = await load(sheets, options);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map(({ code, sheet, row, column }) => ({ code, sheet, row, column }));
}

const settings: Cell[][] = [['form_id'], ['prova']];
const yesNo: Cell[][] = [
  ['list_name', 'name', 'label'],
  ['sn', 'si', 'Sì'],
  ['sn', 'no', 'No'],
];

function question(items: Item[], name: string): Question {
  for (const [item] of walkItems(items)) if (item.kind === 'question' && item.name === name) return item;
  throw new Error(`no question ${name}`);
}

describe('XLSForm import: types and their spellings', () => {
  it('reads each type under its aliases and old spellings', async () => {
    const { form: f, warnings } = await form({
      survey: [
        ['type', 'name', 'label', 'calculation'],
        ['text', 't1', 'Testo'],
        ['string', 't2', 'Testo'],
        ['integer', 'i1', 'Intero'],
        ['int', 'i2', 'Intero'],
        ['decimal', 'd1', 'Decimale'],
        ['date', 'dt', 'Data'],
        ['note', 'n1', 'Nota'],
        ['acknowledge', 'a1', 'Preso atto'],
        ['trigger', 'a2', 'Preso atto'],
        ['calculate', 'c1', null, '${i1} + ${i2}'],
        ['select_one colori', 's1', 'Uno'],
        ['select one colori', 's2', 'Uno'],
        ['select1 colori', 's3', 'Uno'],
        ['select_multiple colori', 'm1', 'Più'],
        ['select all that apply colori', 'm2', 'Più'],
        ['Select_Multiple  colori', 'm3', 'Più'],
        ['select_one colori or_other', 'o1', 'Altro'],
        ['select_one sn', 'yn', 'Sì o no'],
        ['range_estimate', 'r1', 'Persone'],
        ['reference period', 'p1', 'Periodo'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['colori', 'rosso', 'Rosso'],
        ['colori', 'blu', 'Blu'],
        ...yesNo.slice(1),
      ],
      settings,
    });
    expect(warnings).toEqual([]);
    const types = Object.fromEntries(f.items.map((i) => [i.name, i.kind === 'question' ? i.type : i.kind]));
    expect(types).toEqual({
      t1: 'text',
      t2: 'text',
      i1: 'integer',
      i2: 'integer',
      d1: 'decimal',
      dt: 'date',
      n1: 'note',
      a1: 'acknowledge',
      a2: 'acknowledge',
      c1: 'calculate',
      s1: 'select_one',
      s2: 'select_one',
      s3: 'select_one',
      m1: 'select_multiple',
      m2: 'select_multiple',
      m3: 'select_multiple',
      o1: 'select_one',
      yn: 'yes_no',
      r1: 'range_estimate',
      p1: 'reference_period',
    });
    expect(question(f.items, 'o1')).toMatchObject({ listName: 'colori', other: true });
    expect(question(f.items, 's1')).toMatchObject({ listName: 'colori', other: false });
    expect(question(f.items, 'yn')).toMatchObject({ listName: 'sn', yes: 'si', no: 'no' });
    expect(question(f.items, 'r1')).toMatchObject({ decimal: false });
    expect(question(f.items, 'p1')).toMatchObject({ unit: 'day' });
  }, 10_000);
});

describe('XLSForm import: structure, languages, settings', () => {
  it('nests groups and repeats (repeats within repeats), under every begin/end spelling', async () => {
    const { form: f } = await form({
      survey: [
        ['type', 'name', 'label', 'relevant', 'appearance', 'repeat_count'],
        ['begin group', 'a', 'Sezione A', null, 'field-list', null],
        ['text', 'comune', 'Comune', null, null, null],
        ['end group', null, null, null, null, null],
        ['begin_group', 'b', 'Sezione B', "${comune} != ''", null, null],
        ['integer', 'n_insediamenti', 'Quanti insediamenti?', null, null, null],
        ['begin repeat', 'insediamento', 'Insediamento', null, null, '${n_insediamenti}'],
        ['text', 'localita', 'Località', null, null, null],
        ['begin_repeat', 'stagione', 'Stagione', null, null, null],
        ['date', 'dal', 'Dal', null, null, null],
        ['end_repeat', null, null, null, null, null],
        ['end repeat', null, null, null, null, null],
        ['END_GROUP', 'b', null, null, null, null],
        ['note', 'fine', 'Grazie', null, null, null],
      ],
      settings,
    });
    expect(f.items.map((i) => [i.kind, i.name])).toEqual([
      ['group', 'a'],
      ['group', 'b'],
      ['question', 'fine'],
    ]);
    expect(f.items[0]).toMatchObject({ appearance: 'field-list', label: { it: 'Sezione A' } });
    const b = f.items[1]!;
    if (b.kind === 'question') throw new Error('b is a group');
    expect(b.relevant).toBe("${comune} != ''");
    const repeat = b.items[1]!;
    expect(repeat).toMatchObject({ kind: 'repeat', name: 'insediamento', repeatCount: '${n_insediamenti}' });
    if (repeat.kind !== 'repeat') throw new Error('a repeat');
    expect(repeat.items.map((i) => [i.kind, i.name])).toEqual([
      ['question', 'localita'],
      ['repeat', 'stagione'],
    ]);
  });

  it('reads language columns (label::Italiano (it), label::English (en), label::it, plain label) and hints alike', async () => {
    const { form: f, warnings } = await form({
      survey: [
        [
          'Type',
          'NAME',
          'Label::Italiano (it)',
          'label::English (en)',
          'hint::it',
          'Hint::English',
          'label::Français (fr)',
        ],
        ['text', 'q1', 'Comune', 'Municipality', 'Nome ufficiale', 'Official name', 'Commune'],
      ],
      settings,
    });
    expect(question(f.items, 'q1')).toMatchObject({
      label: { it: 'Comune', en: 'Municipality' },
      hint: { it: 'Nome ufficiale', en: 'Official name' },
    });
    expect(warnings).toMatchObject([
      { code: 'xlsform.column_not_kept', sheet: 'survey', row: 1, column: 'label::Français (fr)' },
    ]);

    const english = await form({
      survey: [
        ['type', 'name', 'label', 'label::Italiano (it)', 'hint'],
        ['text', 'q1', 'Municipality', 'Comune', 'Official name'],
      ],
      settings: [
        ['form_id', 'default_language'],
        ['prova', 'English (en)'],
      ],
    });
    expect(english.form.defaultLanguage).toBe('en');
    expect(question(english.form.items, 'q1')).toMatchObject({
      label: { it: 'Comune', en: 'Municipality' },
      hint: { en: 'Official name' },
    });
  });

  it('reads settings and sheet and column names ignoring case; help sheets and extra columns are ignored', async () => {
    const { form: f, warnings } = await form({
      Istruzioni: [['Come compilare questo file'], ['…']],
      SURVEY: [
        ['TYPE', 'Name', 'LABEL', 'Note interne', 'Constraint', 'Constraint Message', 'Required', 'Required Message'],
        ['integer', 'abitanti', 'Abitanti', 'da ISTAT', '. >= 0', 'Non negativo', 'TRUE', 'Obbligatorio'],
        [null, null, null, 'solo un commento', null, null, null, null],
      ],
      Settings: [
        ['Form_ID', 'version', 'form_title', 'form_title::English (en)', 'style', 'instance_name', 'public_key'],
        ['censimento_2021', '2021030101', 'Censimento 2021', '2021 census', 'pages', 'concat(${abitanti})', 'MIIB'],
      ],
    });
    expect(f).toMatchObject({
      modelVersion: 1,
      id: 'censimento_2021',
      version: '2021030101',
      title: { it: 'Censimento 2021', en: '2021 census' },
      defaultLanguage: 'it',
      style: 'pages',
      instanceName: 'concat(${abitanti})',
    });
    expect(question(f.items, 'abitanti')).toEqual({
      kind: 'question',
      type: 'integer',
      name: 'abitanti',
      label: { it: 'Abitanti' },
      required: true,
      requiredMessage: { it: 'Obbligatorio' },
      constraint: '. >= 0',
      constraintMessage: { it: 'Non negativo' },
      readOnly: false,
    });
    expect(warnings).toMatchObject([
      { code: 'xlsform.setting_not_kept', sheet: 'Settings', row: 2, column: 'public_key' },
    ]);
  });

  it('keeps relevant, calculation, default, read_only, appearance and a required expression', async () => {
    const { form: f } = await form({
      survey: [
        [
          'type',
          'name',
          'label',
          'relevant',
          'calculation',
          'default',
          'read_only',
          'appearance',
          'required',
          'jr:constraintMsg',
        ],
        ['integer', 'uomini', 'Uomini', null, null, '0', null, null, 'yes', null],
        ['integer', 'donne', 'Donne', null, null, null, null, null, 'no', null],
        ['integer', 'totale', 'Totale', '${uomini} > 0', '${uomini} + ${donne}', null, 'yes', null, null, null],
        ['text', 'note_tot', 'Note', null, null, '${totale}', null, 'multiline', '${totale} > 100', 'Spiegare'],
      ],
      settings,
    });
    expect(question(f.items, 'uomini')).toMatchObject({ default: '0', required: true });
    expect(question(f.items, 'donne')).toMatchObject({ required: false });
    expect(question(f.items, 'totale')).toMatchObject({
      relevant: '${uomini} > 0',
      calculation: '${uomini} + ${donne}',
      readOnly: true,
    });
    expect(question(f.items, 'note_tot')).toMatchObject({
      default: '${totale}',
      appearance: 'multiline',
      required: false,
      requiredIf: '${totale} > 100',
      constraintMessage: { it: 'Spiegare' },
    });
  });

  it('reads choice lists with their labels and further columns, and choice filters', async () => {
    const { form: f } = await form({
      survey: [
        ['type', 'name', 'label', 'choice_filter'],
        ['select_one regioni', 'regione', 'Regione', null],
        ['select_one province', 'provincia', 'Provincia', 'regione = ${regione}'],
      ],
      choices: [
        ['list name', 'name', 'label::it', 'label::en', 'regione', 'media::image'],
        ['regioni', 'PUG', 'Puglia', 'Apulia', null, null],
        ['regioni', 'CAL', 'Calabria', null, null, null],
        ['province', 'FG', 'Foggia', null, 'PUG', null],
        ['province', 'RC', 'Reggio Calabria', null, 'CAL', 'rc.png'],
      ],
      settings,
    }).then((r) => {
      expect(r.warnings).toMatchObject([{ code: 'xlsform.column_not_kept', sheet: 'choices', column: 'media::image' }]);
      return r;
    });
    expect(f.lists).toEqual([
      {
        name: 'regioni',
        choices: [
          { name: 'PUG', label: { it: 'Puglia', en: 'Apulia' }, extra: {} },
          { name: 'CAL', label: { it: 'Calabria' }, extra: {} },
        ],
      },
      {
        name: 'province',
        choices: [
          { name: 'FG', label: { it: 'Foggia' }, extra: { regione: 'PUG' } },
          { name: 'RC', label: { it: 'Reggio Calabria' }, extra: { regione: 'CAL' } },
        ],
      },
    ]);
    expect(question(f.items, 'provincia')).toMatchObject({ type: 'select_one', choiceFilter: 'regione = ${regione}' });
  });

  it('takes a yes/no list as yes_no only for a plain select_one on exactly two yes/no codes', async () => {
    const { form: f } = await form({
      survey: [
        ['type', 'name', 'label'],
        ['select_one yes_no', 'q1', 'Sì/no'],
        ['select_one sn3', 'q2', 'Sì/no/non so'],
        ['select_multiple yes_no', 'q3', 'Più'],
        ['select_one yes_no or_other', 'q4', 'Altro'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yes_no', '1', 'Sì'],
        ['yes_no', '0', 'No'],
        ['sn3', 'si', 'Sì'],
        ['sn3', 'no', 'No'],
        ['sn3', 'ns', 'Non so'],
      ],
      settings,
    });
    expect(question(f.items, 'q1')).toMatchObject({ type: 'yes_no', listName: 'yes_no', yes: '1', no: '0' });
    expect(question(f.items, 'q2').type).toBe('select_one');
    expect(question(f.items, 'q3').type).toBe('select_multiple');
    expect(question(f.items, 'q4')).toMatchObject({ type: 'select_one', other: true });
  });

  it('reads the parameters of range_estimate and reference_period', async () => {
    const { form: f } = await form({
      survey: [
        ['type', 'name', 'label', 'parameters'],
        ['range_estimate', 'persone', 'Persone presenti', 'min=0 max=5000'],
        ['range estimate', 'ettari', 'Ettari', 'min=0.5, decimal=yes'],
        ['reference_period', 'periodo', 'Periodo', 'unit=month'],
      ],
      settings,
    });
    expect(question(f.items, 'persone')).toMatchObject({ type: 'range_estimate', min: 0, max: 5000, decimal: false });
    expect(question(f.items, 'ettari')).toMatchObject({ min: 0.5, decimal: true });
    expect(question(f.items, 'ettari')).not.toHaveProperty('max');
    expect(question(f.items, 'periodo')).toMatchObject({ type: 'reference_period', unit: 'month' });
  });
});

describe('XLSForm import: what InCaS leaves out', () => {
  it('leaves out coordinates, media and device metadata, listing each with its row; the rest imports', async () => {
    const result = await form({
      survey: [
        ['type', 'name', 'label'],
        ['start', 'start', null],
        ['end', 'end', null],
        ['deviceid', 'deviceid', null],
        ['username', 'username', null],
        ['phonenumber', 'tel', null],
        ['audit', 'audit', null],
        ['begin group', 'luogo', 'Luogo'],
        ['geopoint', 'gps', 'Posizione'],
        ['geotrace', 'percorso', 'Percorso'],
        ['text', 'indirizzo', 'Indirizzo'],
        ['end group', null, null],
        ['image', 'foto', 'Foto'],
        ['audio', 'voce', 'Audio'],
        ['video', 'filmato', 'Video'],
        ['file', 'allegato', 'File'],
        ['barcode', 'codice', 'Codice'],
        ['select_one_from_file comuni.csv', 'comune', 'Comune'],
      ],
      settings,
    });
    expect(result.form.items).toMatchObject([{ kind: 'group', name: 'luogo', items: [{ name: 'indirizzo' }] }]);
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual(
      [2, 3, 4, 5, 6, 7, 9, 10, 13, 14, 15, 16, 17, 18].map((row) => [row, 'type', 'xlsform.left_out']),
    );
    expect(formatIssue(result.warnings[6]!)).toBe(
      'survey, riga 9, colonna type: domanda di tipo "geopoint" lasciata fuori: InCaS non conserva coordinate geografiche',
    );
    expect(formatIssue(result.warnings[6]!, 'en')).toBe(
      'survey, row 9, column type: question of type "geopoint" left out: InCaS never stores geographic coordinates',
    );
  });
});

describe('XLSForm import: errors at their sheet, row and column', () => {
  const survey = (...rows: Cell[][]): Cell[][] => [
    ['type', 'name', 'label', 'relevant', 'required', 'calculation'],
    ...rows,
  ];

  it('unbalanced begin/end: an end without begin, an end of the wrong kind, a begin never closed', async () => {
    expect(
      await errors({
        survey: survey(
          ['end group', null, null],
          ['begin group', 'g', 'G'],
          ['begin repeat', 'r', 'R'],
          ['text', 'q', 'Q'],
          ['end group', null, null],
        ),
        settings,
      }),
    ).toEqual([
      { code: 'xlsform.end_without_begin', sheet: 'survey', row: 2, column: 'type' },
      { code: 'xlsform.end_mismatch', sheet: 'survey', row: 6, column: 'type' },
      { code: 'xlsform.not_closed', sheet: 'survey', row: 3, column: 'type' },
      { code: 'xlsform.not_closed', sheet: 'survey', row: 4, column: 'type' },
    ]);
  });

  it('duplicate names, invalid XML names, a missing name, an unknown type, a row with no type', async () => {
    const result = await load({
      survey: survey(
        ['text', 'comune', 'Comune'],
        ['integer', 'comune', 'Ancora'],
        ['text', '1abitanti', 'Abitanti'],
        ['text', 'nome cognome', 'Nome'],
        ['text', 'ns:q', 'Q'],
        ['text', null, 'Senza nome'],
        ['geopoint_plus', 'gp', 'Posizione'],
        [null, 'orfano', 'Senza tipo'],
      ),
      settings,
    });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map(({ code, row, column }) => [code, row, column])).toEqual([
      ['xlsform.duplicate_name', 3, 'name'],
      ['xlsform.invalid_name', 4, 'name'],
      ['xlsform.invalid_name', 5, 'name'],
      ['xlsform.invalid_name', 6, 'name'],
      ['xlsform.missing_name', 7, 'name'],
      ['xlsform.unknown_type', 8, 'type'],
      ['xlsform.missing_type', 9, 'type'],
    ]);
    expect(formatIssue(result.errors[0]!)).toBe(
      'survey, riga 3, colonna name: il nome "comune" è già usato alla riga 2',
    );
    expect(result.errors[0]!.message.en).toBe('the name "comune" is already used on row 2');
  });

  it('a select pointing at a missing list, a calculate without calculation, a bad required, bad parameters', async () => {
    expect(
      await errors({
        survey: [
          ['type', 'name', 'label', 'calculation', 'required', 'parameters'],
          ['select_one manca', 'q1', 'Q1', null, null, null],
          ['calculate', 'c', null, null, null, null],
          ['text', 'q2', 'Q2', null, '${manca} > 1', null],
          ['range_estimate', 'q3', 'Q3', null, null, 'min=10 max=1'],
          ['range_estimate', 'q4', 'Q4', null, null, 'minimo=1 max=dieci'],
          ['reference_period', 'q5', 'Q5', null, null, 'unit=week'],
        ],
        choices: yesNo,
        settings,
      }),
    ).toEqual([
      { code: 'xlsform.missing_list', sheet: 'survey', row: 2, column: 'type' },
      { code: 'xlsform.missing_calculation', sheet: 'survey', row: 3, column: 'calculation' },
      { code: 'xlsform.min_over_max', sheet: 'survey', row: 5, column: 'parameters' },
      { code: 'xlsform.bad_parameter', sheet: 'survey', row: 6, column: 'parameters' },
      { code: 'xlsform.bad_parameter', sheet: 'survey', row: 6, column: 'parameters' },
      { code: 'xlsform.bad_parameter', sheet: 'survey', row: 7, column: 'parameters' },
      // expressions are checked once every name is known, after the rows
      { code: 'xlsform.unknown_reference', sheet: 'survey', row: 4, column: 'required' },
    ]);
  });

  it('expressions naming unknown or left-out questions', async () => {
    expect(
      await errors({
        survey: survey(
          ['geopoint', 'gps', 'Posizione'],
          ['text', 'q1', 'Q1', "${gps} != ''"],
          ['integer', 'q2', 'Q2', null, null, '${q1} + ${manca}'],
        ),
        settings,
      }),
    ).toEqual([
      { code: 'xlsform.reference_left_out', sheet: 'survey', row: 3, column: 'relevant' },
      { code: 'xlsform.unknown_reference', sheet: 'survey', row: 4, column: 'calculation' },
    ]);
  });

  it('the choices sheet: duplicate choices, missing list names and codes, codes with spaces in a select_multiple', async () => {
    expect(
      await errors({
        survey: survey(['select_multiple servizi', 's', 'Servizi']),
        choices: [
          ['list_name', 'name', 'label'],
          ['servizi', 'acqua', 'Acqua'],
          ['servizi', 'acqua', 'Ancora acqua'],
          [null, 'luce', 'Luce'],
          ['servizi', null, 'Senza codice'],
          ['servizi', 'servizi igienici', 'Servizi igienici'],
        ],
        settings,
      }),
    ).toEqual([
      { code: 'xlsform.duplicate_choice', sheet: 'choices', row: 3, column: 'name' },
      { code: 'xlsform.missing_list_name', sheet: 'choices', row: 4, column: 'list_name' },
      { code: 'xlsform.missing_name', sheet: 'choices', row: 5, column: 'name' },
      { code: 'xlsform.choice_with_space', sheet: 'choices', row: 6, column: 'name' },
    ]);
  });

  it('a missing survey sheet, missing columns, a missing form_id, a bad read_only', async () => {
    expect(await errors({ choices: yesNo })).toEqual([
      { code: 'xlsform.missing_form_id', sheet: 'settings', row: null, column: null },
      { code: 'xlsform.missing_sheet', sheet: 'survey', row: null, column: null },
    ]);
    expect(
      await errors({
        survey: [
          ['tipo', 'name'],
          ['text', 'q'],
        ],
        settings,
      }),
    ).toEqual([{ code: 'xlsform.missing_column', sheet: 'survey', row: 1, column: null }]);
    expect(
      await errors({
        survey: [
          ['type', 'name', 'read_only'],
          ['text', 'q', 'talvolta'],
        ],
        settings: [['form_id'], ['a b']],
      }),
    ).toEqual([
      { code: 'xlsform.invalid_name', sheet: 'settings', row: 2, column: 'form_id' },
      { code: 'xlsform.not_yes_no', sheet: 'survey', row: 2, column: 'read_only' },
    ]);
    // the id may come from the caller (the file's name) when the settings sheet has none
    const ok = await form(
      {
        survey: [
          ['type', 'name'],
          ['text', 'q'],
        ],
      },
      { fallbackId: 'dal_nome_file' },
    );
    expect(ok.form).toMatchObject({ id: 'dal_nome_file', title: { it: 'dal_nome_file' } });
  });

  it('reports what the expression parser says, with the position in the expression', async () => {
    const seen: [string, string[]][] = [];
    const result = await load(
      {
        survey: survey(['integer', 'n', 'N'], ['text', 'q', 'Q', '${n} >> 5']),
        settings,
      },
      {
        checkExpression: (src, known) => {
          seen.push([src, [...known]]);
          const at = src.indexOf('>>');
          return at === -1 ? null : { message: { it: 'operatore sconosciuto', en: 'unknown operator' }, position: at };
        },
      },
    );
    expect(seen).toEqual([['${n} >> 5', ['n', 'q']]]);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => formatIssue(e))).toEqual([
      'survey, riga 3, colonna relevant: espressione non valida: operatore sconosciuto (carattere 6)',
    ]);
  });

  it('reads every expression with the one parser of the form engine by default (decision 0035)', async () => {
    const result = await load({
      survey: [
        ['type', 'name', 'label', 'relevant', 'constraint', 'calculation', 'choice_filter'],
        ['integer', 'n', 'N', '', '. >= 0 and . < 1000'],
        ['integer', 'm', 'M', '${n} >', '', ''],
        ['integer', 'k', 'K', '. > 2'],
        ['calculate', 'c', '', '', '', 'sqrt(${n})'],
        ['select_one sn', 's', 'S', '', '', '', 'filtro = ${n}'],
      ],
      choices: yesNo,
      settings,
    });
    if (result.ok) throw new Error('expected errors');
    const issues = result.errors.map((e) => formatIssue(e));
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^survey, riga 3, colonna relevant: espressione non valida: .*\(carattere \d+\)$/);
    expect(issues[1]).toMatch(/^survey, riga 4, colonna relevant: espressione non valida: /);
    expect(issues[2]).toMatch(/^survey, riga 5, colonna calculation: espressione non valida: .*sqrt/);
    // a constraint reads "." (the answer itself); a choice filter's bare words name choice columns
    expect(issues.join('\n')).not.toMatch(/riga 2|choice_filter/);
  });

  it('refuses calculations that depend on each other in a loop, at the row of the first', async () => {
    const result = await load({
      survey: [
        ['type', 'name', 'label', 'calculation'],
        ['calculate', 'a', '', '${b} + 1'],
        ['calculate', 'b', '', '${a} + 1'],
        ['integer', 'n', 'N'],
      ],
      settings,
    });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map(({ code, row }) => ({ code, row }))).toEqual([{ code: 'xlsform.cycle', row: 2 }]);
  });

  it('never throws, whatever the cells hold', () => {
    const types = [
      'text',
      'begin group',
      'end group',
      'begin repeat',
      'end_repeat',
      'select_one l',
      'geopoint',
      'calculate',
      'x',
      '',
    ];
    const cell = fc.oneof(fc.constantFrom(...types), fc.string({ maxLength: 6 }), fc.constant(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell), { maxLength: 12 }), (rows) => {
        const book: ParsedWorkbook = {
          sheetNames: ['survey', 'choices'],
          sheets: {
            survey: {
              name: 'survey',
              header: ['type', 'name', 'label', 'relevant'],
              rows: rows.map((cells, i) => ({ line: i + 2, cells })),
            },
            choices: { name: 'choices', header: ['list_name', 'name'], rows: [{ line: 2, cells: ['l', 'a'] }] },
            settings: null,
          },
        };
        const result = importXlsForm(book, { fallbackId: 'f' });
        if (result.ok) expect(Form.parse(result.form)).toEqual(result.form);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('XLSForm export', () => {
  const rich: Record<string, Cell[][]> = {
    survey: [
      [
        'type',
        'name',
        'label::Italiano (it)',
        'label::English (en)',
        'hint::Italiano (it)',
        'required',
        'required_message::Italiano (it)',
        'constraint',
        'constraint_message::Italiano (it)',
        'constraint_message::English (en)',
        'relevant',
        'calculation',
        'choice_filter',
        'default',
        'appearance',
        'read_only',
        'repeat_count',
        'parameters',
      ],
      [
        'begin_group',
        'sez_a',
        'Sezione A',
        'Section A',
        'Il Comune',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'field-list',
      ],
      ['text', 'compilatore', 'Compilatore', 'Respondent', 'Nome e cognome', 'yes', 'Obbligatorio'],
      [
        'select_one ruoli',
        'ruolo',
        'Ruolo',
        'Role',
        null,
        'yes',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'minimal',
      ],
      ['select_one sn', 'lavoratori', 'Lavoratori presenti?', 'Workers present?'],
      ['end_group', 'sez_a'],
      ['begin_group', 'sez_b', 'Alloggi', null, null, null, null, null, null, null, "${lavoratori} = 'si'"],
      [
        'integer',
        'n_ins',
        'Insediamenti',
        null,
        null,
        null,
        null,
        '. >= 0 and . < 1000',
        'Tra 0 e 999',
        'Between 0 and 999',
      ],
      [
        'begin_repeat',
        'insediamento',
        'Insediamento',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        '${n_ins}',
      ],
      ['select_one regioni', 'regione', 'Regione'],
      [
        'select_one province',
        'provincia',
        'Provincia',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'regione = ${regione}',
      ],
      ['select_multiple servizi or_other', 'servizi', 'Servizi', 'Services'],
      [
        'range_estimate',
        'persone',
        'Persone',
        'People',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'min=0 max=5000',
      ],
      [
        'range_estimate',
        'superficie',
        'Superficie (ha)',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'decimal=yes',
      ],
      ['begin_repeat', 'stagione', 'Stagione'],
      [
        'reference_period',
        'periodo',
        'Periodo',
        null,
        null,
        '${persone} != 0',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'unit=month',
      ],
      ['end_repeat'],
      ['end_repeat'],
      ['decimal', 'spesa', 'Spesa (€)', null, null, null, null, null, null, null, null, null, null, '0'],
      ['date', 'data', 'Data'],
      ['calculate', 'totale', null, null, null, null, null, null, null, null, null, 'count(${insediamento})'],
      ['acknowledge', 'dichiaro', 'Dichiaro'],
      ['note', 'fine', 'Fine', 'End', null, null, null, null, null, null, null, null, null, null, null, 'yes'],
      ['end_group'],
    ],
    choices: [
      ['list_name', 'name', 'label::Italiano (it)', 'label::English (en)', 'regione'],
      ['ruoli', 'sindaco', 'Sindaco', 'Mayor'],
      ['ruoli', 'funzionario', 'Funzionario', 'Official'],
      ['sn', 'si', 'Sì', 'Yes'],
      ['sn', 'no', 'No', 'No'],
      ['regioni', 'PUG', 'Puglia'],
      ['province', 'FG', 'Foggia', null, 'PUG'],
      ['province', 'BA', 'Bari', null, 'PUG'],
      ['servizi', 'acqua', 'Acqua', 'Water'],
      ['servizi', 'luce', 'Luce', 'Electricity'],
    ],
    settings: [
      ['form_id', 'version', 'form_title', 'form_title::English (en)', 'default_language', 'style', 'instance_name'],
      ['censimento_2021', '1', 'Censimento 2021', '2021 census', 'Italiano (it)', 'pages', 'concat(${compilatore})'],
    ],
  };

  it('export then import gives the same questionnaire', async () => {
    const first = await form(rich);
    expect(first.warnings).toEqual([]);
    const again = importXlsForm(await read(await writeXlsForm(first.form)));
    expect(again).toEqual({ ok: true, form: first.form, warnings: [] });
    // and once more, from the export of the export
    const third = importXlsForm(await read(await writeXlsForm(again.ok ? again.form : first.form)));
    expect(third).toEqual(again);
  });

  it('writes the sheets as XLSForm tools expect them', async () => {
    const { form: f } = await form(rich);
    const [survey, choices, settingsSheet] = formToSheets(f);
    expect(survey!.header.slice(0, 4)).toEqual(['type', 'name', 'label::Italiano (it)', 'label::English (en)']);
    expect(survey!.rows.map((r) => r[0])).toContain('select_multiple servizi or_other');
    expect(survey!.rows.map((r) => r[0])).toContain('select_one sn');
    expect(choices!.header).toEqual(['list_name', 'name', 'label::Italiano (it)', 'label::English (en)', 'regione']);
    expect(settingsSheet!.rows[0]!.slice(0, 5)).toEqual([
      'censimento_2021',
      '1',
      'Censimento 2021',
      '2021 census',
      'Italiano (it)',
    ]);
  });

  it('keeps a text starting with = or + as written, as text', async () => {
    const f = (
      await form({
        survey: [
          ['type', 'name', 'label', 'hint'],
          ['text', 'q', '=SOMMA(A1)', '+39 per i numeri esteri'],
        ],
        settings,
      })
    ).form;
    const again = importXlsForm(await read(await writeXlsForm(f)));
    expect(again).toEqual({ ok: true, form: f, warnings: [] });
  });
});
