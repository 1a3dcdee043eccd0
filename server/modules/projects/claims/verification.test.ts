/**
 * The revisore indipendente (issue 12 item 5; decision 0051) through the API: assigned by the
 * Comune's referente or ANCI/Cittalia, time-boxed and revocable; sees only the assigned projects,
 * the claims sent in the assigned period, and writes only the verification; the verbale and its
 * allegati as tagged PDFs and XLSX whose totals are recomputed from the verified amounts in cents.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { makeExpense } from '../../../../tests/support/claim-factories.js';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  assignRevisore,
  makeProject,
  projectStaff,
  type TestProject,
} from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Claim = Schema<'ProjectClaimDetail'>;
type Assignment = Schema<'ProjectRevisoreAssignment'>;
type Problem = { code: string };

let t: TestApp;
let project: TestProject;
let referente: Agent;
let amministrativo: Agent;
let anci: Agent;
let mlps: Agent;
let regione: Agent;
let revisoreUser: TestUser;
let revisore: Agent;

const base = () => `/api/v1/projects/${project.id}`;

/** A claim of `period` with the expenses, sent. */
async function sentClaim(expenseIds: string[], period: { periodStart: string; periodEnd: string }): Promise<Claim> {
  const c = await referente.post<Claim>(`${base()}/claims`, period);
  expect(c.status).toBe(201);
  expect((await referente.request('PUT', `${base()}/claims/${c.body.id}/expenses`, { expenseIds })).status).toBe(200);
  const s = await referente.post<Claim>(`${base()}/claims/${c.body.id}/submit`, {});
  expect(s.status).toBe(200);
  return s.body;
}

beforeAll(async () => {
  t = await startTestApp();
  project = await makeProject(t.db);
  const staff = await projectStaff(t, project);
  referente = staff.referente;
  amministrativo = staff.amministrativo;
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  // the Regione of the project's Comune: it reads the project, not the verbale
  const [place] = await t.db.ownerTx((tx) =>
    tx.query<{ region_code: string; org_id: string | null }>(
      `SELECT c.region_code, (SELECT o.id FROM organisations o WHERE o.type = 'regione' AND o.region_code = c.region_code) AS org_id
         FROM comuni c WHERE c.istat_code = $1`,
      [project.comuneIstat],
    ),
  );
  const regionOrg = place!.org_id
    ? { id: place!.org_id, type: 'regione', comuneIstat: null, regionCode: place!.region_code }
    : await makeOrg(t.db, { type: 'regione', regionCode: place!.region_code });
  regione = await loginAs(t, await makeUser(t.db, { roles: ['regione'], org: regionOrg }));
  revisoreUser = await makeUser(t.db, { roles: ['revisore'], displayName: 'Dott.ssa Revisora Contabile' });
  revisore = await loginAs(t, revisoreUser);
});
afterAll(async () => t.close());

describe('assigning a revisore', () => {
  it('the referente or ANCI assign a user with the revisore role; revoking ends it at once', async () => {
    const body = {
      userId: revisoreUser.id,
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    };
    const url = `${base()}/revisori`;
    expect((await revisore.get(url)).status).toBe(404);
    const picker = await referente.get<{ items: { id: string; name: string; organisation: string | null }[] }>(
      '/api/v1/project-revisori?q=Revisora',
    );
    expect(picker.status).toBe(200);
    expect(picker.body.items).toEqual([
      { id: revisoreUser.id, name: 'Dott.ssa Revisora Contabile', organisation: expect.any(String) },
    ]);
    expect((await amministrativo.get('/api/v1/project-revisori?q=a')).status).toBe(403);

    expect((await amministrativo.post(url, body)).status).toBe(403);
    expect((await mlps.post(url, body)).status).toBe(403);
    const other = await projectStaff(t, await makeProject(t.db));
    expect((await other.referente.post(url, body)).status).toBe(404);
    const notRevisore = await referente.post<Problem>(url, {
      ...body,
      userId: (await makeUser(t.db, { roles: ['mlps'] })).id,
    });
    expect(notRevisore.status).toBe(400);
    expect(notRevisore.body.code).toBe('projects.revisori.not_revisore');
    expect((await referente.post(url, { ...body, validTo: '2025-12-31' })).status).toBe(400);

    const made = await referente.post<Assignment>(url, body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ userId: revisoreUser.id, active: true, name: 'Dott.ssa Revisora Contabile' });
    const byAnci = await anci.post<Assignment>(url, { ...body, periodStart: '2025-07-01', periodEnd: '2025-12-31' });
    expect(byAnci.status).toBe(201);

    const mine = await revisore.get<{ items: (Assignment & { projectTitle: string; cup: string | null })[] }>(
      '/api/v1/revisore/assignments',
    );
    expect(mine.body.items.map((a) => a.id).sort()).toEqual([made.body.id, byAnci.body.id].sort());
    expect(mine.body.items[0]).toMatchObject({ projectTitle: 'Progetto di prova' });
    expect((await referente.get('/api/v1/revisore/assignments')).status).toBe(403);

    const revoked = await referente.post<Assignment>(`${url}/${byAnci.body.id}/revoke`);
    expect(revoked.body).toMatchObject({ active: false });
    expect((await referente.post<Problem>(`${url}/${byAnci.body.id}/revoke`)).body.code).toBe(
      'projects.revisori.revoked',
    );
    expect((await revisore.get<{ items: Assignment[] }>(url)).body.items.map((a) => a.id)).toEqual([made.body.id]);
    const audit = await auditRows(
      t.db,
      `action IN ('projects.revisore.assign', 'projects.revisore.revoke') AND details->>'projectId' = $1`,
      [project.id],
    );
    expect(audit.map((r) => r.action)).toEqual([
      'projects.revisore.assign',
      'projects.revisore.assign',
      'projects.revisore.revoke',
    ]);
  });
});

describe('what the revisore sees and writes', () => {
  it('only assigned projects, claims sent in the period, while valid; writes only the verification', async () => {
    const inPeriod = await makeExpense(t.db, project, { chargedCents: 2_000_00, docDate: '2025-03-01' });
    const outside = await makeExpense(t.db, project, {
      categoryCode: 'F',
      chargedCents: 1_500_00,
      docDate: '2025-08-01',
    });
    const mixed = await sentClaim([inPeriod.id, outside.id], { periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    const late = await makeExpense(t.db, project, { docDate: '2026-02-01' });
    const later = await sentClaim([late.id], { periodStart: '2026-01-01', periodEnd: '2026-03-31' });

    const list = await revisore.get<{ items: { id: string }[] }>(`${base()}/claims`);
    expect(list.body.items.map((c) => c.id)).toEqual([mixed.id]);
    expect((await revisore.get(`${base()}/claims/${later.id}`)).status).toBe(404);
    const otherProject = await makeProject(t.db);
    expect((await revisore.get(`/api/v1/projects/${otherProject.id}/claims`)).status).toBe(404);

    const url = `${base()}/claims/${mixed.id}`;
    expect((await revisore.post(`${url}/transitions`, { to: 'IN_VERIFICA' })).status).toBe(200);
    // the assignment covers the first half of 2025 only (the second was revoked)
    const refused = await revisore.request<Problem>('PUT', `${url}/verifications/${outside.id}`, {
      outcome: 'AMMISSIBILE',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('projects.revisore.not_assigned');
    expect(
      (await revisore.request('PUT', `${url}/verifications/${inPeriod.id}`, { outcome: 'AMMISSIBILE' })).status,
    ).toBe(200);
    // nothing but the verification
    expect((await revisore.request('PUT', `${url}/expenses`, { expenseIds: [] })).status).toBe(403);
    expect((await revisore.post(`${url}/submit`, {})).status).toBe(403);
    expect((await revisore.post(`${url}/new-version`)).status).toBe(403);
    expect((await revisore.post(`${base()}/revisori`, {})).status).toBe(400);
    await expect(
      t.db.tx({ scope: 'national', tenant: null, region: null, userId: revisoreUser.id }, (tx) =>
        tx.query(`UPDATE project_expenses SET charged_cents = 1 WHERE id = $1 RETURNING id`, [inPeriod.id]),
      ),
    ).resolves.toEqual([]);

    // once the validity has ended (yesterday), the project disappears for the revisore
    const expired = await assignRevisore(t.db, project, { validFrom: '2025-01-01', validTo: '2026-05-31' });
    const former = await loginAs(t, expired.user);
    expect((await former.get(url)).status).toBe(404);
    expect((await former.get(`${base()}/claims`)).status).toBe(404);
    expect(
      (await former.request('PUT', `${url}/verifications/${inPeriod.id}`, { outcome: 'AMMISSIBILE' })).status,
    ).toBe(404);
  });
});

describe('the verbale and its allegati', () => {
  it('tagged PDFs and XLSX with the totals recomputed from the verified amounts, for the right readers', async () => {
    const a = await makeExpense(t.db, project, { categoryCode: 'A1', chargedCents: 1_000_10, docDate: '2025-04-01' });
    const b = await makeExpense(t.db, project, {
      categoryCode: 'F',
      chargedCents: 2_000_20,
      docDate: '2025-04-02',
      issuer: '=HYPERLINK("x")',
    });
    const c = await makeExpense(t.db, project, { categoryCode: 'F', chargedCents: 300_30, docDate: '2025-04-03' });
    const claim = await sentClaim([a.id, b.id, c.id], { periodStart: '2025-04-01', periodEnd: '2025-04-30' });
    const url = `${base()}/claims/${claim.id}`;
    await revisore.post(`${url}/transitions`, { to: 'IN_VERIFICA' });
    expect((await referente.get<Problem>(`${url}/verbale.pdf`)).body.code).toBe('projects.claims.verbale');
    await revisore.request('PUT', `${url}/verifications/${a.id}`, { outcome: 'AMMISSIBILE' });
    await revisore.request('PUT', `${url}/verifications/${b.id}`, {
      outcome: 'PARZIALMENTE_AMMISSIBILE',
      eligibleCents: 1_500_15,
      reasons: ['congruita'],
      note: 'Prezzo oltre il mercato',
    });
    await revisore.request('PUT', `${url}/verifications/${c.id}`, {
      outcome: 'NON_AMMISSIBILE',
      reasons: ['quietanza', 'annullamento'],
    });
    const issued = await revisore.post<Claim>(`${url}/verbale`, { verbaleNo: 'VR-7/2026' });
    expect(issued.body.verifiedCents).toBe(1_000_10 + 1_500_15);

    for (const doc of ['verbale.pdf', 'allegato-1.pdf', 'allegato-2.pdf']) {
      const res = await referente.get(`${url}/${doc}`);
      expect(res.status, doc).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const bytes = res.raw.rawPayload.toString('latin1');
      expect(bytes.startsWith('%PDF')).toBe(true);
      expect(bytes).toContain('StructTreeRoot');
    }
    for (const reader of [revisore, anci, mlps, amministrativo])
      expect((await reader.get(`${url}/allegato-2.xlsx`)).status).toBe(200);
    expect((await regione.get(`${url}/verbale.pdf`)).status).toBe(403);

    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load((await referente.get(`${url}/allegato-1.xlsx`)).raw.rawPayload as unknown as ArrayBuffer);
    const s1 = wb1.worksheets[0]!;
    expect(s1.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(s1.getRow(3).getCell(5).value).toBe('Importo imputato');
    const rows = [4, 5, 6].map((r) => s1.getRow(r));
    const cents = (v: unknown) => Math.round(Number(v) * 100);
    expect(rows.map((r) => cents(r.getCell(6).value))).toEqual([1_000_10, 1_500_15, 0]);
    expect(rows.map((r) => r.getCell(7).value)).toEqual(['Ammissibile', 'Parzialmente ammissibile', 'Non ammissibile']);
    expect(rows[2]!.getCell(8).value).toBe('Prova del pagamento (quietanza); Annullamento del giustificativo');
    expect(rows[1]!.getCell(2).value).toBe(`'=HYPERLINK("x")`);
    expect(s1.getRow(7).getCell(1).value).toBe('Totale');
    expect(cents(s1.getRow(7).getCell(5).value)).toBe(3_300_60);
    expect(cents(s1.getRow(7).getCell(6).value)).toBe(2_500_25);
    expect(s1.getRow(4).getCell(6).numFmt).toContain('0.00');

    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await mlps.get(`${url}/allegato-2.xlsx`)).raw.rawPayload as unknown as ArrayBuffer);
    const s2 = wb2.worksheets[0]!;
    const byLabel = new Map<string, unknown[]>();
    s2.eachRow((row, n) => {
      if (n > 3)
        byLabel.set(
          row.getCell(1).text,
          [2, 3, 4, 5].map((i) => cents(row.getCell(i).value)),
        );
    });
    expect(byLabel.get('A1 — Coordinamento e monitoraggio')).toEqual([9_000_00, 1_000_10, 1_000_10, 0]);
    expect(byLabel.get('F — Affidamenti e subcontratti')).toEqual([30_000_00, 2_300_50, 1_500_15, 800_35]);
    expect(byLabel.get('Totale')).toEqual([114_000_00, 3_300_60, 2_500_25, 800_35]);
    // the caps, recomputed over the eligible amounts: A1 is 1.000,10 € of 2.500,25 € in total, over its 10%
    const caps = wb2.getWorksheet('Massimali')!;
    const a1 = [...Array(caps.rowCount).keys()]
      .map((i) => caps.getRow(i + 1))
      .find((r) => r.getCell(1).text === 'A1 Coordinamento')!;
    expect([2, 3, 4].map((i) => cents(a1.getCell(i).value))).toEqual([1_000_10, 2_500_25, 250_02]);
    expect(a1.getCell(7).value).toBe('Superato');

    const audit = await auditRows(t.db, `action = 'projects.claim.download' AND entity_id = $1`, [claim.id]);
    expect(audit.length).toBe(9);
    expect(audit[0]?.details).toMatchObject({ document: 'verbale.pdf' });
    // MLPS approves now
    expect((await mlps.post<Claim>(`${url}/transitions`, { to: 'APPROVATA' })).body.approvedCents).toBe(2_500_25);
  });
});
