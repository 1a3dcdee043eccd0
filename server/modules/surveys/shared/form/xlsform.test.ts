/**
 * An XLSForm read the way an upload is: through the bounded spreadsheet reader, in its worker
 * thread, then imported. A form of several hundred questions imports in seconds.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createUploadReader } from '../../../../platform/upload/index.js';
import { walkItems } from './model.js';
import { countQuestions, writeXlsForm } from './xlsform-export.js';
import { readXlsForm } from './xlsform-import.js';

const reader = createUploadReader();
afterAll(() => reader.close());

/** A survey of `sections` sections of `perSection` questions of every kind, with skip logic. */
async function bigForm(sections: number, perSection: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet('survey');
  survey.addRow([
    'type',
    'name',
    'label::Italiano (it)',
    'label::English (en)',
    'relevant',
    'constraint',
    'required',
    'parameters',
  ]);
  const kinds = [
    'integer',
    'text',
    'select_one sn',
    'select_multiple servizi or_other',
    'decimal',
    'date',
    'range_estimate',
  ];
  for (let s = 1; s <= sections; s++) {
    survey.addRow(['begin_group', `sez_${s}`, `Sezione ${s}`, `Section ${s}`]);
    for (let q = 1; q <= perSection; q++) {
      const kind = kinds[q % kinds.length]!;
      const name = `s${s}_q${q}`;
      survey.addRow([
        kind,
        name,
        `Domanda ${s}.${q}`,
        `Question ${s}.${q}`,
        q > 1 ? `\${s${s}_q1} > 0` : null,
        kind === 'integer' ? '. >= 0' : null,
        q % 3 === 0 ? 'yes' : null,
        kind === 'range_estimate' ? 'min=0 max=100000' : null,
      ]);
    }
    survey.addRow(['end_group']);
  }
  survey.addRow(['geopoint', 'posizione', 'Posizione']);
  const choices = wb.addWorksheet('choices');
  choices.addRows([
    ['list_name', 'name', 'label::Italiano (it)', 'label::English (en)'],
    ['sn', 'si', 'Sì', 'Yes'],
    ['sn', 'no', 'No', 'No'],
    ['servizi', 'acqua', 'Acqua', 'Water'],
    ['servizi', 'luce', 'Luce', 'Electricity'],
    ['servizi', 'bagni', 'Servizi igienici', 'Toilets'],
  ]);
  wb.addWorksheet('settings').addRows([
    ['form_id', 'version', 'form_title'],
    ['grande', '1', 'Questionario grande'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('an XLSForm uploaded', () => {
  it('of 500 questions imports in seconds, off the event loop, and exports back to the same form', async () => {
    const bytes = await bigForm(10, 50);
    const started = performance.now();
    const result = await readXlsForm(bytes, { reader });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    expect(countQuestions(result.form)).toBe(500);
    expect(result.warnings).toMatchObject([{ code: 'xlsform.left_out', row: 522, column: 'type' }]);
    // ~1 s on a quiet machine; the bound catches a blow-up, not a slowdown (the machine may be busy)
    expect(elapsed).toBeLessThan(15_000);
    const types = new Set([...walkItems(result.form.items)].map(([i]) => (i.kind === 'question' ? i.type : i.kind)));
    expect([...types].sort()).toEqual(
      ['date', 'decimal', 'group', 'integer', 'range_estimate', 'select_multiple', 'text', 'yes_no'].sort(),
    );

    const again = await readXlsForm(await writeXlsForm(result.form), { reader });
    expect(again).toEqual({ ok: true, form: result.form, warnings: [] });
  });

  it('that is not a workbook is refused by the reader with its upload error', async () => {
    await expect(readXlsForm(Buffer.from('type;name\ntext;q\n'), { reader })).rejects.toMatchObject({
      code: 'upload.unreadable',
    });
  });
});
