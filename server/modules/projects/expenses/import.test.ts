/**
 * The import of an expense register through the API: a CSV saved by Excel for Windows
 * (Windows-1252, ";", "1.234,50", gg/mm/aaaa) with bad rows reported in Italian; a dry run writes
 * nothing; confirming imports the valid rows with one audit row; the same file again imports
 * nothing new (duplicates); an XLSX read the same way.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { makeProject, projectStaff, type TestProject } from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Report = Schema<'ProjectExpenseImportReport'> & { code?: string; detail?: string };

const header =
  'Tipo documento;Numero;Data;Fornitore;Partita IVA/Codice fiscale;Descrizione;Imponibile;IVA;Importo imputato;Voce;Data pagamento;Mezzo di pagamento;Importo pagato;Riferimento pagamento';
const rows = [
  // 2: valid, Italian amounts, a word for the document type, the line by its category code
  'Fattura;FT 12/2025;15/03/2025;Società Cooperativa Città Aperta;;Mediazione linguistica;1.234,50;271,59;1.506,09;A2;02/04/2025;Bonifico;1.506,09;CRO 123',
  // 3: valid, payment missing (a warning, not an error), the line by its description
  'Notula;7;01/04/2025;Studio Verdi;;;800,00;;800,00;Revisore indipendente;;;;',
  // 4: an impossible date and an amount that is not one
  'Fattura;13/2025;31/02/2025;Fornitore Tre;;;12,345;;10,00;A2;;;;',
  // 5: cash outside the petty-cash line
  'Ricevuta;R1;05/05/2025;Bar Centrale;;;10,00;;10,00;A2;05/05/2025;Contanti;10,00;',
  // 6: charged over the gross, an unknown line
  'Fattura;14/2025;06/05/2025;Fornitore Quattro;;;100,00;22,00;122,01;Z9;;;;',
];
const csv1252 = (lines: string[]) => Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'latin1');

let t: TestApp;
let p: TestProject;
let staff: Awaited<ReturnType<typeof projectStaff>>;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  p = await makeProject(t.db);
  staff = await projectStaff(t, p);
  url = `/api/v1/projects/${p.id}/expenses/import`;
});
afterAll(async () => t.close());

const count = async () => {
  const [r] = await t.db.ownerTx((tx) =>
    tx.query<{ n: number }>('SELECT count(*)::int AS n FROM project_expenses WHERE project_id = $1', [p.id]),
  );
  return r!.n;
};

describe('import of an expense register', () => {
  it('a dry run of a Windows-1252 CSV reports each row in Italian and writes nothing', async () => {
    const res = await staff.referente.post<Report>(url, {
      format: 'csv',
      content: csv1252(rows).toString('base64'),
      encoding: 'windows-1252',
      dryRun: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      encoding: 'windows-1252',
      rows: 5,
      valid: 2,
      invalid: 3,
      imported: 0,
    });
    const [r2, r3, r4, r5, r6] = res.body.report;
    expect(r2).toMatchObject({ row: 2, outcome: 'valid', messages: [], warnings: [] });
    expect(r3!.outcome).toBe('valid');
    expect(r3!.warnings.map((w) => w.code)).toEqual(['payment_missing']);
    expect(r4!.outcome).toBe('invalid');
    expect(r4!.messages).toEqual([
      'Riga 4, colonna «Data»: «31/02/2025» non è una data valida (gg/mm/aaaa)',
      'Riga 4, colonna «Imponibile»: «12,345» non è un importo (scrivere ad esempio 1.234,50)',
    ]);
    expect(r5!.messages.join(' ')).toContain('contanti è ammesso solo sulla voce di piccola cassa');
    expect(r6!.messages.join(' ')).toContain('«Voce»: «Z9»');
    expect(await count()).toBe(0);
    expect(
      await auditRows(t.db, `action = 'projects.expense.import' AND tenant_comune = $1`, [p.comuneIstat]),
    ).toHaveLength(0);
  });

  it('confirming imports the valid rows with the amounts in cents and one audit row; the same file again adds nothing', async () => {
    const body = { format: 'csv', content: csv1252(rows).toString('base64'), encoding: 'auto', dryRun: false };
    const res = await staff.amministrativo.post<Report>(url, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'windows-1252', imported: 2, invalid: 3, duplicates: 0 });
    const [first] = await t.db.ownerTx((tx) =>
      tx.query<{
        issuer_name: string;
        net_cents: number;
        vat_cents: number;
        charged_cents: number;
        doc_date: string;
        status: string;
        import_id: string | null;
      }>(
        `SELECT issuer_name, net_cents, vat_cents, charged_cents, doc_date::text, status, import_id
           FROM project_expenses WHERE id = $1`,
        [res.body.report[0]!.expenseId],
      ),
    );
    expect(first).toMatchObject({
      issuer_name: 'Società Cooperativa Città Aperta',
      net_cents: 123450,
      vat_cents: 27159,
      charged_cents: 150609,
      doc_date: '2025-03-15',
      status: 'BOZZA',
    });
    expect(first!.import_id).not.toBeNull();
    const audit = await auditRows(t.db, `action = 'projects.expense.import' AND tenant_comune = $1`, [p.comuneIstat]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ imported: 2, invalid: 3, rows: 5 });
    expect(await count()).toBe(2);

    const again = await staff.amministrativo.post<Report>(url, body);
    expect(again.body).toMatchObject({ imported: 0, duplicates: 2 });
    expect(again.body.report[0]!.outcome).toBe('duplicate');
    expect(await count()).toBe(2);
  });

  it('reads an XLSX with numbers and date cells the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Spese');
    ws.addRow(header.split(';'));
    ws.addRow([
      'Cedolino',
      'CED-06',
      new Date(Date.UTC(2025, 5, 30)),
      'Mario Rossi',
      'RSSMRA80A01H501U',
      '',
      2500.5,
      0,
      2500.5,
      'A1',
      new Date(Date.UTC(2025, 6, 10)),
      'Bonifico',
      2500.5,
      '',
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await staff.referente.post<Report>(url, {
      format: 'xlsx',
      content: bytes.toString('base64'),
      dryRun: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.report[0]).toMatchObject({ outcome: 'valid', messages: [] });
  });

  it('refuses a file without the required columns, and anyone but the owner Comune staff', async () => {
    const bad = await staff.referente.post<Report>(url, {
      format: 'csv',
      content: Buffer.from('Numero;Data\n1;01/01/2025\n').toString('base64'),
      dryRun: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('projects.expense.import_invalid');
    expect(bad.body.detail).toContain('Tipo documento');
    const mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
    const res = await mlps.post<Report>(url, {
      format: 'csv',
      content: csv1252(rows).toString('base64'),
      dryRun: true,
    });
    expect(res.status).toBe(403);
  });
});
