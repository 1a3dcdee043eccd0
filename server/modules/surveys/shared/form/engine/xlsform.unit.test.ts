/**
 * The engine on a questionnaire written as an XLSForm and read by the importer, the way a
 * published form reaches it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../../../../platform/upload/limits.js';
import { parseWorkbook } from '../../../../../platform/upload/parse.js';
import { XLSFORM_SHEETS, importXlsForm } from '../xlsform-import.js';
import { cycles, evaluateForm } from './index.js';
import { clock } from './test-forms.js';

type Cell = string | number | null;

async function importForm(sheets: Record<string, Cell[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const book = await parseWorkbook({ bytes, sheets: [...XLSFORM_SHEETS], maxRows: UPLOAD_LIMITS.rows }, UPLOAD_LIMITS);
  const result = importXlsForm(book);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.form;
}

const survey: Cell[][] = [
  [
    'type',
    'name',
    'label::Italiano (it)',
    'required',
    'relevant',
    'constraint',
    'constraint_message::Italiano (it)',
    'calculation',
    'repeat_count',
    'parameters',
  ],
  ['begin_group', 'A', 'Sezione A', null, null, null, null, null, null, null],
  ['select_one ruoli', 'A3', 'Ruolo del rispondente', 'yes', null, null, null, null, null, null],
  ['text', 'A3_altro', 'Altro ruolo', 'yes', "${A3} = 'altro'", null, null, null, null, null],
  ['end_group', null, null, null, null, null, null, null, null, null],
  ['begin_group', 'B', 'Sezione B', null, null, null, null, null, null, null],
  ['select_one sino', 'B1', 'Sono presenti insediamenti?', 'yes', null, null, null, null, null, null],
  ['integer', 'B2', 'Quanti?', 'yes', "${B1} = 'si'", '. > 0 and . < 50', 'Tra 1 e 49', null, null, null],
  ['begin_repeat', 'B3', 'Insediamento', null, "${B1} = 'si'", null, null, null, '${B2}', null],
  ['select_one tipo', 'B3_tipo', 'Tipo', 'yes', null, null, null, null, null, null],
  [
    'range_estimate',
    'B3_persone',
    'Persone',
    'yes',
    "${B3_tipo} = 'informale'",
    null,
    null,
    null,
    null,
    'min=0 max=5000',
  ],
  ['end_repeat', null, null, null, null, null, null, null, null, null],
  ['calculate', 'B4', null, null, null, null, null, 'count(${B3})', null, null],
  ['end_group', null, null, null, null, null, null, null, null, null],
];
const choices: Cell[][] = [
  ['list_name', 'name', 'label::Italiano (it)'],
  ['ruoli', 'sindaco', 'Sindaco'],
  ['ruoli', 'altro', 'Altro'],
  ['sino', 'si', 'Sì'],
  ['sino', 'no', 'No'],
  ['tipo', 'formale', 'Formale'],
  ['tipo', 'informale', 'Informale'],
];

describe('an imported XLSForm through the engine', () => {
  it('relevance, repeats, repeat_count, constraint messages and the missing list', async () => {
    const form = await importForm({ survey, choices, settings: [['form_id'], ['censimento']] });
    expect(cycles(form)).toEqual([]);
    const r = evaluateForm(
      form,
      {
        A3: 'altro',
        B1: 'si',
        B2: 2,
        B3: [{ B3_tipo: 'informale', B3_persone: { quality: 'non_noto' } }, { B3_tipo: 'formale' }],
      },
      clock,
    );
    expect(r.missing.map((m) => m.message.it)).toEqual(['Sezione «Sezione A», domanda A3_altro: obbligatoria']);
    expect(r.items.find((i) => i.path === 'B4')?.value).toBe('2');
    expect(r.items.find((i) => i.path === 'B3[1].B3_persone')?.relevant).toBe(false);
    const wrong = evaluateForm(form, { A3: 'sindaco', B1: 'si', B2: 60, B3: [] }, clock);
    expect(wrong.issues.map((i) => [i.path, i.code, i.message.it])).toEqual([
      ['B2', 'answer.constraint', 'Tra 1 e 49'],
      ['B3', 'answer.repeat_count', 'Servono esattamente 60 voci'],
    ]);
    const none = evaluateForm(form, { A3: 'sindaco', B1: 'no', B2: 60, B3: [{}] }, clock);
    expect(none.complete).toBe(true);
    expect({ ...none.values }).toEqual({ A3: 'sindaco', B1: 'no', B4: '0' });
  });
});
