/**
 * The expenses of a project through the API on a real database: who reads and who records them,
 * the checks with their messages (line in force, call's document types, tax id, charged ≤ gross,
 * cash only on petty cash), the warnings (period boundaries, payment proof, line budget, caps,
 * double funding across Comuni without leaking), states, optimistic concurrency, deletion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeOrg, makeUser } from '../../../../tests/support/factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  assignRevisore,
  makeProject,
  projectStaff,
  type TestProject,
} from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { checkPartitaIva } from '../shared/tax-ids.js';

type Expense = Schema<'ProjectExpense'> & { code?: string; detail?: string; errors?: Array<{ path: string }> };
type Page = Schema<'ProjectExpensePage'> & { code?: string };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A partita IVA with a right check digit, from ten digits. */
export function partitaIva(ten: string): string {
  for (let d = 0; d < 10; d++) if (checkPartitaIva(`${ten}${d}`)) return `${ten}${d}`;
  throw new Error('no check digit');
}

let t: TestApp;
let p: TestProject;
let q: TestProject;
let staffP: Awaited<ReturnType<typeof projectStaff>>;
let staffQ: Awaited<ReturnType<typeof projectStaff>>;
let mlps: Agent;
let anci: Agent;
let regione: Agent;
let revisore: Agent;
let otherRevisore: Agent;
let n = 0;

const line = (project: TestProject, code: string) => project.lines.find((l) => l.categoryCode === code)!.lineKey;
const base = (project: TestProject, over: Record<string, unknown> = {}) => ({
  lineKey: line(project, 'A2'),
  docType: 'FATTURA',
  issuerName: 'Cooperativa Esempio',
  docNumber: `FT ${++n}/2025`,
  docDate: '2025-06-15',
  netCents: 100000,
  vatCents: 22000,
  chargedCents: 122000,
  paymentDate: '2025-07-01',
  paymentMeans: 'BONIFICO',
  paymentCents: 122000,
  ...over,
});
const url = (project: TestProject) => `/api/v1/projects/${project.id}/expenses`;
const create = (agent: Agent, project: TestProject, over: Record<string, unknown> = {}) =>
  agent.post<Expense>(url(project), base(project, over));
const codes = (e: Expense) => e.warnings.map((w) => w.code).sort();

beforeAll(async () => {
  t = await startTestApp();
  p = await makeProject(t.db, { title: 'Progetto del Comune A' });
  q = await makeProject(t.db, { title: 'Progetto riservato del Comune B' });
  staffP = await projectStaff(t, p);
  staffQ = await projectStaff(t, q);
  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  const [region] = await t.db.ownerTx((tx) =>
    tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [p.comuneIstat]),
  );
  regione = await loginAs(
    t,
    await makeUser(t.db, {
      roles: ['regione'],
      org: await makeOrg(t.db, { type: 'regione', regionCode: region!.region_code }),
    }),
  );
  const r = await assignRevisore(t.db, p, { periodStart: '2025-01-01', periodEnd: '2025-12-31' });
  revisore = await loginAs(t, r.user);
  otherRevisore = await loginAs(t, await makeUser(t.db, { roles: ['revisore'] }));
});
afterAll(async () => t.close());

describe('recording an expense', () => {
  it('401 without a session, 400 for a malformed body (nothing written), 404 for an unknown project', async () => {
    expect((await new Agent(t.app).get(url(p))).status).toBe(401);
    const bad = await staffP.referente.post<Expense>(url(p), { ...base(p), netCents: -1, docDate: '15/06/2025' });
    expect(bad.status).toBe(400);
    const unknown = await staffP.referente.post<Expense>(
      '/api/v1/projects/00000000-0000-4000-8000-000000000000/expenses',
      base(p),
    );
    expect(unknown.status).toBe(404);
    const [row] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM project_expenses WHERE project_id = $1', [p.id]),
    );
    expect(row!.n).toBe(0);
  });

  it('records a BOZZA expense with its amounts in cents, keys and an audit row', async () => {
    const res = await create(staffP.referente, p, { issuerTaxId: `IT${partitaIva('0123456789')}` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'BOZZA',
      categoryCode: 'A2',
      netCents: 100000,
      vatCents: 22000,
      grossCents: 122000,
      chargedCents: 122000,
      issuerTaxId: partitaIva('0123456789'),
      warnings: [],
      documentCount: 0,
      canEdit: true,
      rowVersion: 1,
    });
    const audit = await auditRows(t.db, `action = 'projects.expense.create' AND entity_id = $1`, [res.body.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.tenant_comune).toBe(p.comuneIstat);
  });

  it('charged at most the gross to the cent; net alone when VAT is recoverable', async () => {
    expect((await create(staffP.referente, p, { chargedCents: 122000 })).status).toBe(201);
    const over = await create(staffP.referente, p, { chargedCents: 122001 });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('projects.expense.invalid');
    expect(over.body.errors!.map((i) => i.path)).toEqual(['chargedCents']);
    expect(over.body.detail).toContain('1.220,00 €');
    expect((await create(staffP.referente, p, { vatRecoverable: true, chargedCents: 100000 })).status).toBe(201);
    const recov = await create(staffP.referente, p, { vatRecoverable: true, chargedCents: 100001 });
    expect(recov.status).toBe(400);
    expect(recov.body.detail).toContain('1.000,00 €');
  });

  it("refuses a line outside the budget in force, another project's activity, a document type or means not in the call, a wrong tax id", async () => {
    const res = await create(staffP.referente, p, {
      lineKey: line(q, 'A2'),
      docType: 'SCONTRINO',
      paymentMeans: 'BITCOIN',
      issuerTaxId: '01234567890',
      activityId: '00000000-0000-4000-8000-000000000001',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((i) => i.path).sort()).toEqual(
      ['activityId', 'docType', 'issuerTaxId', 'lineKey', 'paymentMeans'].sort(),
    );
    const cf = await create(staffP.referente, p, { issuerTaxId: 'RSSMRA80A01H501X' });
    expect(cf.status).toBe(400);
    expect(cf.body.detail).toContain('codice fiscale');
    // a flat-rate line takes no giustificativi
    expect((await create(staffP.referente, p, { lineKey: line(p, 'IND') })).status).toBe(400);
  });

  it("charges an activity of the project, listed for the page's picker", async () => {
    const activityId = '6a1b2c3d-0000-4000-8000-00000000a001';
    await t.db.ownerTx((tx) =>
      tx.query(
        `INSERT INTO project_activities (id, project_id, comune_istat, code, title, planned_start, planned_end)
         VALUES ($1, $2, $3, '1.2', 'Mediazione linguistica', '2025-01-01', '2025-12-31')`,
        [activityId, p.id, p.comuneIstat],
      ),
    );
    const res = await create(staffP.referente, p, { activityId });
    expect(res.status).toBe(201);
    expect(res.body.activityId).toBe(activityId);
    const page = await staffP.referente.get<Page>(`${url(p)}?pageSize=1`);
    expect(page.body.project.activities).toEqual([{ id: activityId, code: '1.2', title: 'Mediazione linguistica' }]);
    // the same activity from another Comune's project is refused
    expect((await create(staffQ.referente, q, { activityId })).status).toBe(400);
  });

  it('refuses cash with its own code except on the petty-cash line', async () => {
    const cash = await create(staffP.referente, p, { paymentMeans: 'CONTANTI' });
    expect(cash.status).toBe(400);
    expect(cash.body.code).toBe('projects.expense.cash_refused');
    expect(cash.body.detail).toContain('piccola cassa');
    const petty = await create(staffP.referente, p, {
      lineKey: line(p, 'I1'),
      docType: 'RICEVUTA',
      netCents: 2000,
      vatCents: 0,
      chargedCents: 2000,
      paymentMeans: 'CONTANTI',
      paymentCents: 2000,
    });
    expect(petty.status).toBe(201);
  });
});

describe('warnings', () => {
  it('the eligibility period: call ∩ project, boundary days included', async () => {
    const at = async (docDate: string) =>
      codes((await create(staffP.referente, p, { docDate, paymentDate: '2027-01-02' })).body);
    expect(await at('2024-12-31')).toEqual(['outside_period']);
    expect(await at('2025-01-01')).toEqual([]);
    expect(await at('2026-12-31')).toEqual([]);
    // the call runs to 2027-06-30, the project ends on 2026-12-31
    expect(await at('2027-01-01')).toEqual(['outside_period']);
  });

  it('payment proof missing or lower than charged', async () => {
    const missing = await create(staffP.referente, p, { paymentDate: null, paymentMeans: null, paymentCents: null });
    expect(codes(missing.body)).toEqual(['payment_missing']);
    expect(missing.body.warnings[0]!.message).toContain('quietanza');
    const short = await create(staffP.referente, p, { paymentCents: 121999 });
    expect(codes(short.body)).toEqual(['payment_short']);
  });

  it('the line budget, to the cent (petty cash 1.000,00 €)', async () => {
    const project = await makeProject(t.db);
    const staff = await projectStaff(t, project);
    const petty = (chargedCents: number) =>
      create(staff.referente, project, {
        lineKey: line(project, 'I1'),
        netCents: chargedCents,
        vatCents: 0,
        chargedCents,
        paymentCents: chargedCents,
      });
    expect(codes((await petty(60000)).body)).toEqual([]);
    expect(codes((await petty(40000)).body)).toEqual([]);
    const over = await petty(1);
    expect(codes(over.body)).toEqual(['line_budget_exceeded']);
    const list = await staff.referente.get<Page>(`${url(project)}?lineKey=${line(project, 'I1')}`);
    const total = list.body.lines.find((l) => l.categoryCode === 'I1')!;
    expect(total).toMatchObject({ budgetCents: 100000, chargedCents: 100001, expenseCount: 3, over: true });
  });

  it('a cap of the call over the budgeted basis: G1 at most 7% of 100.000,00 € of direct costs', async () => {
    const project = await makeProject(t.db, {
      lines: [
        { categoryCode: 'A2', amountCents: 100_000_00 },
        { categoryCode: 'G1', amountCents: 8_000_00 },
      ],
    });
    const staff = await projectStaff(t, project);
    const g1 = (chargedCents: number) =>
      create(staff.referente, project, {
        lineKey: line(project, 'G1'),
        docType: 'NOTULA',
        netCents: chargedCents,
        vatCents: 0,
        chargedCents,
        paymentCents: chargedCents,
      });
    expect(codes((await g1(7_000_00)).body)).toEqual([]);
    const over = await g1(1);
    expect(codes(over.body)).toEqual(['cap_exceeded']);
  });

  it("flags the same document charged by another Comune, naming only that project's CUP", async () => {
    const cup = await t.db.ownerTx((tx) => tx.query<{ cup: string }>('SELECT cup FROM projects WHERE id = $1', [q.id]));
    const taxId = partitaIva('0765432109');
    const theirs = await create(staffQ.referente, q, {
      issuerTaxId: taxId,
      docNumber: 'FT 0042/2025',
      docDate: '2025-05-05',
    });
    expect(codes(theirs.body)).toEqual([]);
    const ours = await create(staffP.referente, p, {
      issuerName: 'Altro nome, stessa partita IVA',
      issuerTaxId: taxId,
      docNumber: '42/2025',
      docDate: '2025-05-05',
    });
    expect(ours.status).toBe(201);
    expect(codes(ours.body)).toEqual(['double_funding']);
    expect(ours.body.warnings[0]!.message).toContain(cup[0]!.cup);
    const text = JSON.stringify(ours.body);
    expect(text).not.toContain(q.id);
    expect(text).not.toContain('riservato');
    expect(text).not.toContain(theirs.body.id);
    // the other Comune sees it too, live, naming the first project by its CUP only
    const again = await staffQ.referente.get<Expense>(`${url(q)}/${theirs.body.id}`);
    expect(codes(again.body)).toEqual(['double_funding']);
    expect(JSON.stringify(again.body)).not.toContain(p.id);
    // and in the same project too
    const twice = await create(staffP.referente, p, {
      issuerTaxId: taxId,
      docNumber: '42/2025',
      docDate: '2025-05-05',
    });
    expect(twice.body.warnings.find((w) => w.code === 'double_funding')!.message).toContain('questo stesso progetto');
  });
});

describe('who reads and who changes', () => {
  it('a Comune never sees another Comune’s expenses', async () => {
    const mine = await create(staffP.referente, p);
    expect((await staffQ.referente.get(url(p))).status).toBe(404);
    expect((await staffQ.referente.get(`${url(p)}/${mine.body.id}`)).status).toBe(404);
    expect((await staffQ.referente.patch(`${url(p)}/${mine.body.id}`, { rowVersion: 1, netCents: 1 })).status).toBe(
      404,
    );
    expect((await staffQ.referente.request('DELETE', `${url(p)}/${mine.body.id}`)).status).toBe(404);
  });

  it('MLPS, ANCI and the Regione read; they cannot record (403)', async () => {
    const mine = await create(staffP.referente, p);
    for (const agent of [mlps, anci, regione]) {
      const list = await agent.get<Page>(url(p));
      expect(list.status).toBe(200);
      expect(list.body.project.canEdit).toBe(false);
      expect(list.body.items.find((e) => e.id === mine.body.id)!.canEdit).toBe(false);
      expect((await create(agent, p)).status).toBe(403);
      expect((await agent.patch(`${url(p)}/${mine.body.id}`, { rowVersion: 1, netCents: 1 })).status).toBe(403);
      expect((await agent.request('DELETE', `${url(p)}/${mine.body.id}`)).status).toBe(403);
    }
  });

  it('the revisore reads only when assigned, and only the periods assigned', async () => {
    const inside = await create(staffP.referente, p, { docDate: '2025-03-03' });
    const outside = await create(staffP.referente, p, { docDate: '2026-03-03', paymentDate: '2026-04-01' });
    expect((await otherRevisore.get(url(p))).status).toBe(404);
    const list = await revisore.get<Page>(`${url(p)}?pageSize=200`);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((e) => e.id);
    expect(ids).toContain(inside.body.id);
    expect(ids).not.toContain(outside.body.id);
    expect(list.body.items.every((e) => e.docDate >= '2025-01-01' && e.docDate <= '2025-12-31')).toBe(true);
    // the line totals too stay within the periods assigned
    const a2 = list.body.lines.find((l) => l.categoryCode === 'A2')!;
    const full = (await staffP.referente.get<Page>(`${url(p)}?pageSize=1`)).body.lines.find(
      (l) => l.categoryCode === 'A2',
    )!;
    expect(a2.expenseCount).toBe(list.body.items.filter((e) => e.categoryCode === 'A2').length);
    expect(a2.expenseCount).toBeLessThan(full.expenseCount);
    expect((await revisore.get(`${url(p)}/${inside.body.id}`)).status).toBe(200);
    expect((await revisore.get(`${url(p)}/${outside.body.id}`)).status).toBe(403);
    expect((await create(revisore, p)).status).toBe(403);
  });

  it('only an approved or running project takes expenses (409)', async () => {
    const presented = await makeProject(t.db, { status: 'PRESENTATO' });
    const staff = await projectStaff(t, presented);
    const res = await create(staff.referente, presented);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('projects.state');
  });
});

describe('list', () => {
  it('pages by document date with filters and the per-line totals', async () => {
    const project = await makeProject(t.db, { cup: null, title: 'Progetto senza CUP' });
    const staff = await projectStaff(t, project);
    for (const [i, d] of ['2025-03-01', '2025-01-01', '2025-02-01'].entries())
      await create(staff.referente, project, {
        docDate: d,
        issuerName: i === 0 ? 'Tipografia Rossi' : 'Cooperativa Esempio',
        paymentCents: i === 2 ? null : 122000,
        paymentDate: i === 2 ? null : '2025-04-01',
        paymentMeans: i === 2 ? null : 'BONIFICO',
      });
    const all = await staff.referente.get<Page>(`${url(project)}?pageSize=2`);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.project).toMatchObject({ title: 'Progetto senza CUP', cup: null, eligibleFrom: '2025-01-01' });
    expect(all.body.items.map((e) => e.docDate)).toEqual(['2025-01-01', '2025-02-01']);
    const page2 = await staff.referente.get<Page>(`${url(project)}?pageSize=2&page=2`);
    expect(page2.body.items.map((e) => e.docDate)).toEqual(['2025-03-01']);
    expect((await staff.referente.get<Page>(`${url(project)}?q=rossi`)).body.total).toBe(1);
    expect((await staff.referente.get<Page>(`${url(project)}?withWarnings=true`)).body.total).toBe(1);
    expect((await staff.referente.get<Page>(`${url(project)}?from=2025-01-15&to=2025-02-15`)).body.total).toBe(1);
    expect((await staff.referente.get<Page>(`${url(project)}?status=CARICATA`)).body.total).toBe(0);
    expect((await staff.referente.get<Page>(`${url(project)}?pageSize=201`)).status).toBe(400);
    const a2 = all.body.lines.find((l) => l.categoryCode === 'A2')!;
    expect(a2).toMatchObject({ chargedCents: 366000, expenseCount: 3, categoryLabelIt: 'Operatori e mediatori' });
  });
});

describe('a project with 10.000 expenses', () => {
  it('answers a page by date and the per-line totals of all of them', async () => {
    const project = await makeProject(t.db);
    const staff = await projectStaff(t, project);
    const a2 = line(project, 'A2');
    await t.db.ownerTx((tx) =>
      tx.query(
        `INSERT INTO project_expenses (id, project_id, comune_istat, line_key, doc_type, issuer_name, issuer_key,
                doc_number, number_key, doc_date, net_cents, charged_cents, status, warnings, created_by, created_at,
                updated_at)
         SELECT gen_random_uuid(), $1, $2, $3, 'FATTURA', 'Fornitore ' || (i % 50), 'N:FORNITORE' || (i % 50),
                i::text, i::text, DATE '2025-01-01' + (i % 700), 100, 100, 'BOZZA',
                CASE WHEN i % 10 = 0 THEN ARRAY['payment_missing'] ELSE '{}'::text[] END,
                (SELECT id FROM users ORDER BY created_at LIMIT 1), now(), now()
           FROM generate_series(1, 10000) AS i`,
        [project.id, project.comuneIstat, a2],
      ),
    );
    const res = await staff.referente.get<Page>(`${url(project)}?pageSize=200&page=3&withWarnings=true`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1000);
    expect(res.body.items).toHaveLength(200);
    const dates = res.body.items.map((e) => e.docDate);
    expect([...dates].sort()).toEqual(dates);
    expect(res.body.lines.find((l) => l.lineKey === a2)).toMatchObject({
      chargedCents: 1_000_000,
      expenseCount: 10000,
    });
  });
});

describe('states, changes and deletion', () => {
  it('CARICATA needs the payment proof and a document; VALIDATA is for the responsabile amministrativo', async () => {
    const e = (await create(staffP.referente, p, { paymentDate: null, paymentMeans: null, paymentCents: null })).body;
    const status = (agent: Agent, to: string) => agent.post<Expense>(`${url(p)}/${e.id}/status`, { to });
    const lacking = await status(staffP.referente, 'CARICATA');
    expect(lacking.status).toBe(409);
    expect(lacking.body.code).toBe('projects.expense.transition');
    expect(lacking.body.detail).toContain('prova del pagamento');
    expect(lacking.body.detail).toContain('documento');
    await staffP.referente.patch(`${url(p)}/${e.id}`, {
      rowVersion: 1,
      paymentDate: '2025-07-01',
      paymentMeans: 'BONIFICO',
      paymentCents: 122000,
    });
    expect((await status(staffP.referente, 'CARICATA')).status).toBe(409);
    const up = await staffP.referente.post(`${url(p)}/${e.id}/documents`, {
      kind: 'GIUSTIFICATIVO',
      filename: 'fattura.pdf',
      content: PDF.toString('base64'),
    });
    expect(up.status).toBe(201);
    expect((await status(staffP.referente, 'CARICATA')).body.status).toBe('CARICATA');
    expect((await status(staffP.referente, 'VALIDATA')).status).toBe(403);
    expect((await status(staffP.amministrativo, 'BOZZA')).body.status).toBe('BOZZA');
    expect((await status(staffP.amministrativo, 'VALIDATA')).status).toBe(409);
    await status(staffP.amministrativo, 'CARICATA');
    const validated = await status(staffP.amministrativo, 'VALIDATA');
    expect(validated.status).toBe(200);
    expect(validated.body.status).toBe('VALIDATA');
    const audit = await auditRows(t.db, `action = 'projects.expense.status' AND entity_id = $1`, [e.id]);
    expect(audit.map((a) => a.details.to)).toEqual(['CARICATA', 'BOZZA', 'CARICATA', 'VALIDATA']);
    // a change sends it back to CARICATA, to be validated again
    const changed = await staffP.referente.patch<Expense>(`${url(p)}/${e.id}`, {
      rowVersion: validated.body.rowVersion,
      description: 'Servizio di mediazione',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'CARICATA', description: 'Servizio di mediazione' });
  });

  it('a stale row version is 409; once in a claim nothing changes (409)', async () => {
    const e = (await create(staffP.referente, p)).body;
    const first = await staffP.referente.patch<Expense>(`${url(p)}/${e.id}`, {
      rowVersion: 1,
      netCents: 90000,
      vatCents: 0,
      chargedCents: 90000,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rowVersion: 2, chargedCents: 90000, grossCents: 90000 });
    const stale = await staffP.referente.patch<Expense>(`${url(p)}/${e.id}`, { rowVersion: 1, netCents: 80000 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('projects.stale');
    const overGross = await staffP.referente.patch<Expense>(`${url(p)}/${e.id}`, {
      rowVersion: 2,
      chargedCents: 90001,
    });
    expect(overGross.status).toBe(400);
    for (const locked of ['IN_DOMANDA', 'VERIFICATA']) {
      await t.db.ownerTx((tx) => tx.query('UPDATE project_expenses SET status = $1 WHERE id = $2', [locked, e.id]));
      const res = await staffP.referente.patch<Expense>(`${url(p)}/${e.id}`, { rowVersion: 2, description: 'x' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('projects.expense.locked');
      expect((await staffP.referente.request('DELETE', `${url(p)}/${e.id}`)).status).toBe(409);
      expect((await staffP.referente.get<Expense>(`${url(p)}/${e.id}`)).body.canEdit).toBe(false);
    }
  });

  it('deletes an expense with its documents and their bytes; audited', async () => {
    const e = (await create(staffP.referente, p)).body;
    const doc = await staffP.referente.post<{ id: string }>(`${url(p)}/${e.id}/documents`, {
      kind: 'QUIETANZA',
      filename: 'quietanza.pdf',
      content: PDF.toString('base64'),
    });
    const res = await staffP.amministrativo.request('DELETE', `${url(p)}/${e.id}`);
    expect(res.status).toBe(204);
    expect((await staffP.referente.get(`${url(p)}/${e.id}`)).status).toBe(404);
    const left = await t.db.ownerTx((tx) =>
      tx.query('SELECT 1 FROM project_document_contents WHERE id = $1', [doc.body.id]),
    );
    expect(left).toHaveLength(0);
    const audit = await auditRows(t.db, `action = 'projects.expense.delete' AND entity_id = $1`, [e.id]);
    expect(audit[0]!.details).toMatchObject({ documents: 1 });
  });
});
