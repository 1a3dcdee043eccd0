/**
 * Quadro comparativo and pseudonymised rows through the API, on the real database: the Ministry
 * never receives a person-level row nor a count between 1 and 9; a Comune sees its own row exact;
 * technical assistance reads pseudonymised rows, never identity; every request is audited.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import {
  fakeIdentity,
  makeCase,
  makePilotComune,
  twoPilotComuni,
  type LoggedInPilotComune,
  type MadeCase,
  type PilotComune,
} from '../../../../tests/support/pilot-factories.js';
import type { DbAccess } from '../../../platform/db/db.js';
import { comparativeColumns } from './comparative.columns.js';
import { nameIndex, sealIdentity } from '../shared/identity.js';
import { addDays } from '../shared/dates.js';

type Cell = number | '<10' | null;
interface Row {
  comuneIstat: string | null;
  comuneName: string;
  exact: boolean;
  cells: Record<string, Cell>;
}
interface Table {
  from: string;
  to: string;
  viewer: string;
  note: { it: string; en: string };
  columns: { key: string; kind: string }[];
  rows: Row[];
}
interface Problem {
  code: string;
  errors?: { path: string }[];
}
interface RecordPage {
  items: Record<string, unknown>[];
  total: number;
  page: number;
  pageSize: number;
}

const PERIOD = 'from=2026-01-01&to=2026-06-30';
const URL = `/api/v1/pilot/comparative?${PERIOD}`;
const XLSX_URL = `/api/v1/pilot/comparative.xlsx?${PERIOD}`;
const records = (comune: string, extra = '') => `/api/v1/pilot/comparative/records?comune=${comune}${extra}`;
const personsKeys = comparativeColumns.filter((c) => c.kind === 'persons').map((c) => c.key);

let t: TestApp;
let pilotBefore: number;
let small: LoggedInPilotComune;
let large: LoggedInPilotComune;
const smallCases: MadeCase[] = [];
const largeCases: MadeCase[] = [];
const canaries: string[] = [];
let familyPseudonym: string;
const agents: Record<'mlps' | 'regione' | 'ta' | 'admin' | 'revisore' | 'smallRef' | 'largeRef' | 'largeOp', Agent> =
  {} as never;

async function login(email: string): Promise<Agent> {
  const a = new Agent(t.app);
  expect((await a.login(email, TEST_PASSWORD)).status).toBe(200);
  return a;
}

const now = new Date('2026-06-01T09:00:00Z');

/** Referrals, PAIs, measures, contracts and budgets written straight into the tables (owner). */
async function addActivity(
  comune: PilotComune,
  cases: MadeCase[],
  o: { paiCount: number; hours: number; budget?: number; contracts?: number },
) {
  await t.db.ownerTx(async (tx) => {
    for (const [i, c] of cases.entries()) {
      // received on 1, 2, 3 … April; screened within 3 days, except every sixth one (20 days)
      const received = addDays('2026-04-01', i);
      const outcomeOn = addDays(received, i % 6 === 5 ? 20 : 3);
      const source = ['inl', 'inl', 'procura', 'sindacato', 'autosegnalazione', 'inl'][i % 6];
      const [r] = await tx.query<{ id: string }>(
        `INSERT INTO pilot_referrals (comune_istat, received_on, source, channel, sector, catalogue_version, outcome, outcome_on,
           case_id, created_at, updated_at)
         VALUES ($1, $2, $3, 'telefono', $4, 1, 'permesso_avviato', $5, $6, $7, $7) RETURNING id`,
        [comune.istat, received, source, i % 3 === 2 ? 'edilizia' : 'agricoltura', outcomeOn, c.caseId, now],
      );
      await tx.query('UPDATE pilot_cases SET referral_id = $1 WHERE id = $2', [r!.id, c.caseId]);
    }
    for (const c of cases.slice(0, o.paiCount)) {
      const [p] = await tx.query<{ id: string }>(
        `INSERT INTO pilot_pais (case_id, person_id, comune_istat, status, shared_on, approved_on, approved_by, created_at, updated_at)
         VALUES ($1, $2, $3, 'in_corso', '2026-05-11', '2026-05-12', $4, $5, $5) RETURNING id`,
        [c.caseId, c.holderId, comune.istat, comune.referente.id, now],
      );
      await tx.query(
        `INSERT INTO pilot_measures (pai_id, comune_istat, type, provider_name, start_on, end_on, hours_planned, hours_actual,
           cost_planned, cost_actual, status, created_at, updated_at)
         VALUES ($1, $2, 'corso_italiano', 'Scuola di prova', '2026-05-15', '2026-06-15', 20, $3, 500, 400, 'completata', $4, $4)`,
        [p!.id, comune.istat, o.hours / o.paiCount, now],
      );
    }
    for (const c of cases.slice(0, o.contracts ?? 0)) {
      await tx.query(
        `INSERT INTO pilot_contracts (person_id, case_id, comune_istat, type, ateco, start_on, created_at)
         VALUES ($1, $2, $3, 'tempo_determinato', '01.13', '2026-06-01', $4)`,
        [c.holderId, c.caseId, comune.istat, now],
      );
    }
    if (o.budget !== undefined) {
      await tx.query(
        'INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, 2026, $2, $3)',
        [comune.istat, o.budget, now],
      );
    }
  });
}

/** A family member (child of the holder) with a permit of their own. */
async function addFamilyMember(
  comune: PilotComune,
  c: MadeCase,
  surname: string,
  o: { permit?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  const pseudonym = `FAM-2026-${id.slice(0, 4).toUpperCase()}`;
  const identity = fakeIdentity({ surname, birthDate: '2012-03-09' });
  await t.db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO pilot_persons (id, comune_istat, pseudonym, sex, birth_year, birth_country, nationalities, languages,
         identity_enc, name_index, created_at, updated_at)
       VALUES ($1, $2, $3, 'F', 2012, 'IN', '{IN}', $4, $5, $6, $7, $7)`,
      [
        id,
        comune.istat,
        pseudonym,
        o.permit === false ? [] : ['pa'],
        sealIdentity(t.cipher, id, identity),
        nameIndex(t.cipher, identity.surname, identity.givenNames),
        now,
      ],
    );
    await tx.query(
      `INSERT INTO pilot_case_members (case_id, person_id, comune_istat, role, relation, kinship_kind, degree, created_at)
       VALUES ($1, $2, $3, 'familiare', 'figlio', 'parentela', 1, $4)`,
      [c.caseId, id, comune.istat, now],
    );
    if (o.permit === false) return;
    await tx.query(
      `INSERT INTO pilot_permits (person_id, comune_istat, basis, questura, receipt_on, issued_on, expires_on, created_at, updated_at)
       VALUES ($1, $2, 'motivi_famiglia', 'Questura di prova', '2026-04-10', '2026-04-20', '2027-04-20', $3, $3)`,
      [id, comune.istat, now],
    );
  });
  return pseudonym;
}

beforeAll(async () => {
  t = await startTestApp();
  const [n] = await t.db.ownerTx((tx) =>
    tx.query<{ n: number }>('SELECT count(*) AS n FROM registry_comuni_v WHERE pilot_18ter'),
  );
  pilotBefore = Number(n!.n);
  // two pilot Comuni: one with too few cases to be shown, one large enough
  ({ a: small, b: large } = await twoPilotComuni(t));
  for (let i = 0; i < 3; i++) {
    const surname = `CanaryPiccolo${i}`;
    canaries.push(surname);
    smallCases.push(await makeCase(t.db, t.cipher, { comune: small, status: 'ammesso_misure', identity: { surname } }));
  }
  for (let i = 0; i < 12; i++) {
    const surname = `CanaryGrande${i}`;
    canaries.push(surname);
    largeCases.push(await makeCase(t.db, t.cipher, { comune: large, status: 'ammesso_misure', identity: { surname } }));
  }
  canaries.push('CanaryFamiliare');
  familyPseudonym = await addFamilyMember(large, largeCases[0]!, 'CanaryFamiliare');
  await addActivity(small, smallCases, { paiCount: 1, hours: 7.5 });
  await addActivity(large, largeCases, { paiCount: 10, hours: 200, budget: 80_000, contracts: 2 });

  agents.mlps = await login((await makeUser(t.db, { roles: ['mlps'] })).email);
  agents.regione = await login((await makeUser(t.db, { roles: ['regione'] })).email);
  agents.ta = await login((await makeUser(t.db, { roles: ['assistenza_tecnica'] })).email);
  agents.admin = await login((await makeUser(t.db, { roles: ['amministratore'] })).email);
  agents.revisore = await login((await makeUser(t.db, { roles: ['revisore'] })).email);
  agents.smallRef = small.as.referente;
  agents.largeRef = large.as.referente;
  agents.largeOp = large.as.operatore;
});
afterAll(async () => t.close());

const rowOf = (table: Table, istat: string | null): Row => {
  const row = table.rows.find((r) => r.comuneIstat === istat);
  expect(row, `row ${String(istat)}`).toBeDefined();
  return row!;
};

/** Every count of persons is 0, "<10" or a multiple of 5 of at least 10; nothing is exact. */
function expectControlled(row: Row): void {
  expect(row.exact).toBe(false);
  for (const key of personsKeys) {
    const v = row.cells[key];
    expect(
      v === 0 || v === '<10' || (typeof v === 'number' && v >= 10 && v % 5 === 0),
      `${row.comuneName} ${key} = ${String(v)}`,
    ).toBe(true);
  }
}

/** Walks a JSON value: every key and every string value. */
function walk(v: unknown, visit: (key: string | null, value: unknown) => void, key: string | null = null): void {
  visit(key, v);
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, visit, k);
}

describe('quadro comparativo: requests refused', () => {
  it('answers 401 without a session', async () => {
    const anon = new Agent(t.app);
    expect((await anon.get(URL)).status).toBe(401);
    expect((await anon.get(XLSX_URL)).status).toBe(401);
    expect((await anon.get(records(large.istat))).status).toBe(401);
  });

  it('answers 400 on bad or missing dates, a reversed period, a period over three years, unknown parameters', async () => {
    const a = agents.mlps;
    const bad = await a.get<Problem>('/api/v1/pilot/comparative?from=2026-02-30&to=2026-06-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('querystring.from');
    expect((await a.get('/api/v1/pilot/comparative?from=2026-01-01')).status).toBe(400);
    expect((await a.get(`${URL}&comune=${large.istat}`)).status).toBe(400);
    const reversed = await a.get<Problem>('/api/v1/pilot/comparative?from=2026-06-30&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ code: 'pilot.invalid', errors: [{ path: 'querystring.to' }] });
    const long = await a.get<Problem>('/api/v1/pilot/comparative.xlsx?from=2023-01-01&to=2026-01-02');
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.path).toBe('querystring.to');
    expect((await a.get('/api/v1/pilot/comparative?from=2023-01-01&to=2026-01-01')).status).toBe(200);
    expect((await agents.ta.get(records('12'))).status).toBe(400);
    expect((await agents.ta.get(records(large.istat, '&pageSize=1000'))).status).toBe(400);
  });

  it('answers 404 for the records of a Comune outside the pilot', async () => {
    expect((await agents.ta.get<Problem>(records('999999'))).body.code).toBe('comune.not_found');
    const notPilot = await makePilotComune(t.db).then(async (c) => {
      await t.db.ownerTx((tx) => tx.query('UPDATE comuni SET pilot_18ter = false WHERE istat_code = $1', [c.istat]));
      return c.istat;
    });
    expect((await agents.ta.get(records(notPilot))).status).toBe(404);
  });

  it('answers 403 to roles without the permission: the table to the administrator and the auditor, records to all but TA', async () => {
    expect((await agents.admin.get(URL)).status).toBe(403);
    expect((await agents.admin.get(XLSX_URL)).status).toBe(403);
    expect((await agents.revisore.get(URL)).status).toBe(403);
    for (const a of [agents.mlps, agents.regione, agents.smallRef, agents.largeOp, agents.admin]) {
      const res = await a.get<Problem>(records(large.istat));
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Canary');
    }
  });
});

describe('quadro comparativo: what each viewer sees', () => {
  it('starts from a database with no other pilot Comune', () => {
    expect(pilotBefore).toBe(0);
  });

  it('MLPS: every row and the total controlled, no person-level row, no count between 1 and 9', async () => {
    const res = await agents.mlps.get<Table>(URL);
    expect(res.status).toBe(200);
    const table = res.body;
    expect(table.viewer).toBe('controlled');
    expect(table.note.it).toContain('<10');
    expect(table.columns.map((c) => c.key)).toEqual(comparativeColumns.map((c) => c.key));
    expect(table.rows).toHaveLength(pilotBefore + 3);
    expect(table.rows.at(-1)).toMatchObject({ comuneIstat: null, comuneName: 'Totale' });
    for (const row of table.rows) expectControlled(row);

    const s = rowOf(table, small.istat).cells;
    expect(s).toMatchObject({
      cases_opened: '<10',
      referrals: '<10',
      holders_in_charge: '<10',
      admitted_holders: '<10',
      hours: '<10',
      active_pais: '<10',
      m_italiano: '<10',
      completion_rate: '<10',
      median_days_case_pai: '<10',
      screened_7d: '<10',
      family_with_permit: 0,
      exit_lavoro: 0,
    });
    const l = rowOf(table, large.istat).cells;
    expect(l).toMatchObject({
      cases_opened: 10,
      referrals: 10,
      admitted_holders: 10,
      permits_issued: 15,
      active_pais: 10,
      m_italiano: 10,
      hours: 200,
      family_with_permit: '<10',
      contracts_started: '<10',
      completion_rate: 100,
      screened_7d: 85, // 83.3 % in steps of 5
      median_days_referral_case: 25,
      median_days_case_pai: 10,
      allocation: 80_000,
      committed: 5000,
      spent: 4000,
      cost_per_pai: 400,
    });
    // the total is computed from the raw figures and rounded on its own (15 cases, 208 hours)
    const total = rowOf(table, null).cells;
    expect(total).toMatchObject({
      cases_opened: 15,
      referrals: 15,
      hours: 210,
      active_pais: 10,
      holders_in_charge: 15,
    });

    // no person-level data anywhere in the answer
    const pseudonyms = new Set([...smallCases, ...largeCases].map((c) => c.pseudonym).concat(familyPseudonym));
    walk(table, (key, value) => {
      if (key) expect(key).not.toMatch(/^(pseudonym|personId|caseId|surname|givenNames|birthDate|codiceFiscale)$/i);
      if (typeof value === 'string') expect(pseudonyms.has(value), value).toBe(false);
    });
    const text = JSON.stringify(table);
    for (const c of canaries) expect(text).not.toContain(c);
    for (const p of pseudonyms) expect(text).not.toContain(p);
  });

  it('Regione and technical assistance get the same controlled table', async () => {
    const mlps = (await agents.mlps.get<Table>(URL)).body;
    for (const a of [agents.regione, agents.ta]) {
      const res = await a.get<Table>(URL);
      expect(res.status).toBe(200);
      expect(res.body.viewer).toBe('controlled');
      expect(res.body.rows).toEqual(mlps.rows);
    }
  });

  it('a Comune sees its own row exact and the others controlled', async () => {
    const res = await agents.smallRef.get<Table>(URL);
    expect(res.status).toBe(200);
    expect(res.body.viewer).toBe('exact_own');
    const own = rowOf(res.body, small.istat);
    expect(own.exact).toBe(true);
    expect(own.cells).toMatchObject({
      cases_opened: 3,
      referrals: 3,
      admitted_holders: 3,
      hours: 8,
      active_pais: 1,
      completion_rate: 100,
      median_days_case_pai: 10,
      screened_7d: 100,
    });
    expectControlled(rowOf(res.body, large.istat));
    expectControlled(rowOf(res.body, null));
    expect(rowOf(res.body, large.istat).cells.cases_opened).toBe(10);

    // the operatore of an ente gestore of the Comune sees the same; the figures of the larger Comune are exact to it
    const op = await agents.largeOp.get<Table>(URL);
    expect(rowOf(op.body, large.istat).cells).toMatchObject({
      cases_opened: 12,
      referrals: 12,
      ref_inl: 6,
      ref_ffoo_procura: 2,
      ref_sindacato: 2,
      ref_altro: 2,
      sector_agri: 8,
      screened_7d: 83.3,
      family_with_permit: 1,
      contracts_started: 2,
      hours: 200,
      m_italiano: 10,
      median_days_referral_case: 25,
      completeness: 100,
      holders_in_charge: 12,
      permits_issued: 13,
    });
    expect(rowOf(op.body, small.istat).cells.cases_opened).toBe('<10');
  });

  it('serves the same table as an XLSX download, "<10" included', async () => {
    const res = await agents.mlps.get(XLSX_URL);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="quadro-comparativo-2026-01-01-2026-06-30.xlsx"',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ws = wb.worksheets[0]!;
    const labels = (ws.getRow(5).values as unknown[]).map(String);
    const casesCol = labels.indexOf('Prese in carico avviate');
    expect(casesCol).toBeGreaterThan(1);
    expect((ws.getRow(4).values as unknown[]).map(String)).toContain('Accoglienza e segnalazioni');
    const names = await t.db.ownerTx((tx) =>
      tx.query<{ istat_code: string; name: string }>(
        'SELECT istat_code, name FROM registry_comuni_v WHERE istat_code IN ($1, $2)',
        [small.istat, large.istat],
      ),
    );
    const byLabel = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n >= 6) byLabel.set(row.getCell(1).text, row);
    });
    const smallName = names.find((n) => n.istat_code === small.istat)!.name;
    const largeName = names.find((n) => n.istat_code === large.istat)!.name;
    expect(byLabel.get(smallName)!.getCell(casesCol).value).toBe('<10');
    expect(byLabel.get(largeName)!.getCell(casesCol).value).toBe(10);
    expect(byLabel.get('Totale')!.getCell(casesCol).value).toBe(15);
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    const text = JSON.stringify(cells);
    for (const c of canaries) expect(text).not.toContain(c);
  });
});

describe('pseudonymised rows for technical assistance', () => {
  it('lists one row per member with the stored pseudonym and no identity', async () => {
    const res = await agents.ta.get<RecordPage>(records(large.istat));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(13);
    expect(res.body.items).toHaveLength(13);
    const expectedKeys = [
      'admitted',
      'ageBand',
      'caseStatus',
      'comuneIstat',
      'degree',
      'exitReason',
      'hasContract',
      'measures',
      'openedQuarter',
      'paiStatus',
      'pseudonym',
      'role',
      'sex',
    ];
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(expectedKeys);
    const pseudonyms = res.body.items.map((i) => i.pseudonym);
    expect(new Set(pseudonyms)).toEqual(new Set([...largeCases.map((c) => c.pseudonym), familyPseudonym]));
    const holder = res.body.items.find((i) => i.pseudonym === largeCases[0]!.pseudonym)!;
    expect(holder).toMatchObject({
      role: 'titolare',
      degree: null,
      sex: 'M',
      ageBand: '35-44',
      caseStatus: 'ammesso_misure',
      openedQuarter: '2026-Q2',
      admitted: true,
      paiStatus: 'in_corso',
      measures: 1,
      hasContract: true,
      exitReason: null,
    });
    expect(res.body.items.find((i) => i.pseudonym === familyPseudonym)).toMatchObject({
      role: 'familiare',
      degree: 1,
      sex: 'F',
      ageBand: '0-17',
      admitted: false,
      paiStatus: null,
      measures: 0,
      hasContract: false,
    });
    const text = JSON.stringify(res.body);
    for (const c of canaries) expect(text).not.toContain(c);
    expect(text).not.toMatch(/2012-03-09|Esempio|Questura/);
    // rows of another Comune never appear
    for (const c of smallCases) expect(text).not.toContain(c.pseudonym);
  });

  it('pages through the rows', async () => {
    const p2 = await agents.ta.get<RecordPage>(records(large.istat, '&page=2&pageSize=10'));
    expect(p2.body).toMatchObject({ total: 13, page: 2, pageSize: 10 });
    expect(p2.body.items).toHaveLength(3);
    const past = await agents.ta.get<RecordPage>(records(large.istat, '&page=5&pageSize=10'));
    expect(past.body).toMatchObject({ total: 13, items: [] });
  });
});

describe('defence in depth and audit', () => {
  const access = (scope: DbAccess['scope'], userId: string | null = null, tenant: string | null = null): DbAccess => ({
    scope,
    tenant,
    region: null,
    userId,
  });

  it('the database functions refuse callers that are not entitled, whatever the service does', async () => {
    const counts = 'SELECT * FROM pilot_comparative_counts($1::date, $2::date)';
    await expect(
      t.db.tx(access('anonymous'), (tx) => tx.query(counts, ['2026-01-01', '2026-06-30'])),
    ).rejects.toThrow();
    const national = await t.db.tx(access('national'), (tx) => tx.query(counts, ['2026-01-01', '2026-06-30']));
    expect(national.length).toBeGreaterThan(0);
    // the national scope itself reads no case row
    expect(await t.db.tx(access('national'), (tx) => tx.query('SELECT id FROM pilot_cases'))).toEqual([]);

    const recs = 'SELECT * FROM pilot_pseudonymised_records($1, 2026, 10, 0)';
    const mlps = await makeUser(t.db, { roles: ['mlps'] });
    const ta = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
    await expect(t.db.tx(access('national', mlps.id), (tx) => tx.query(recs, [large.istat]))).rejects.toThrow();
    await expect(
      t.db.tx(access('comune', ta.id, large.istat), (tx) => tx.query(recs, [large.istat])),
    ).rejects.toThrow();
    await expect(t.db.tx(access('national', null), (tx) => tx.query(recs, [large.istat]))).rejects.toThrow();
    expect(await t.db.tx(access('national', ta.id), (tx) => tx.query(recs, [large.istat]))).toHaveLength(10);
  });

  it('audits every table request and every read of records, with ids only', async () => {
    const before = (await auditRows(t.db, `action = 'pilot.comparative.read'`)).length;
    await agents.regione.get(URL);
    await agents.regione.get(XLSX_URL);
    await agents.ta.get(records(small.istat));
    const rows = await auditRows(t.db, `action = 'pilot.comparative.read'`);
    expect(rows.length).toBe(before + 2);
    expect(rows.slice(-2).map((r) => r.details)).toEqual([
      { from: '2026-01-01', to: '2026-06-30', format: 'json' },
      { from: '2026-01-01', to: '2026-06-30', format: 'xlsx' },
    ]);
    const reads = await auditRows(t.db, `action = 'pilot.records.read' AND entity_id = $1`, [small.istat]);
    expect(reads.at(-1)).toMatchObject({
      outcome: 'success',
      tenant_comune: small.istat,
      details: { comune: small.istat },
    });
    const all = JSON.stringify(await auditRows(t.db, `action LIKE 'pilot.%'`));
    for (const c of canaries) expect(all).not.toContain(c);
  });
});

describe('metric definitions', () => {
  it('counts permits, exits, outcomes, measures, finance and data quality as the catalogue defines them', async () => {
    const c = await makePilotComune(t.db);
    const [closed, leaving, open] = [
      await makeCase(t.db, t.cipher, { comune: c, openedOn: '2025-10-01', withPermit: false }),
      await makeCase(t.db, t.cipher, { comune: c, openedOn: '2025-11-01', withPermit: false }),
      await makeCase(t.db, t.cipher, { comune: c, openedOn: '2026-01-15', withPermit: false }),
    ];
    await addFamilyMember(c, open, 'CanaryIncompleto', { permit: false });
    await t.db.ownerTx(async (tx) => {
      await tx.query(
        `UPDATE pilot_cases SET status = 'chiuso', closed_on = '2026-03-10', exit_reason = 'lavoro_autonomia' WHERE id = $1`,
        [closed.caseId],
      );
      await tx.query(
        `UPDATE pilot_cases SET status = 'chiuso', closed_on = '2026-07-15', exit_reason = 'abbandono' WHERE id = $1`,
        [leaving.caseId],
      );
      await tx.query('UPDATE pilot_cases SET in_sai = false WHERE id = $1', [open.caseId]);
      const permit = (person: string, f: Record<string, string>) =>
        tx.query(
          `INSERT INTO pilot_permits (person_id, comune_istat, basis, questura, issued_on, expires_on, renewed_on, renewal_requested_on,
           converted_on, converted_to, revoked_on, created_at, updated_at)
         VALUES ($1, $2, 'art_18ter', 'Questura di prova', $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
          [
            person,
            c.istat,
            f.issued,
            f.expires,
            f.renewed ?? null,
            f.renewalRequested ?? null,
            f.converted ?? null,
            f.converted ? 'lavoro_subordinato' : null,
            f.revoked ?? null,
            now,
          ],
        );
      await permit(closed.holderId, { issued: '2025-08-01', expires: '2027-02-01', renewed: '2026-02-01' });
      await permit(closed.holderId, { issued: '2025-09-01', expires: '2026-09-01', converted: '2026-03-01' });
      await permit(leaving.holderId, { issued: '2025-11-01', expires: '2026-05-01', revoked: '2026-04-01' });
      await permit(leaving.holderId, { issued: '2025-11-01', expires: '2026-05-01' });
      await permit(open.holderId, { issued: '2026-01-20', expires: '2026-07-20' });
      await permit(open.holderId, { issued: '2025-09-15', expires: '2026-09-15' });
      await permit(open.holderId, { issued: '2025-12-10', expires: '2026-06-10', renewalRequested: '2026-05-20' });

      const pai = async (k: MadeCase, status: string, shared: string, approved: string, closedOn: string | null) => {
        const [p] = await tx.query<{ id: string }>(
          `INSERT INTO pilot_pais (case_id, person_id, comune_istat, status, shared_on, approved_on, approved_by, closed_on, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
          [k.caseId, k.holderId, c.istat, status, shared, approved, c.referente.id, closedOn, now],
        );
        return p!.id;
      };
      await pai(closed, 'chiuso', '2025-10-10', '2025-10-15', '2026-03-10');
      await pai(leaving, 'chiuso', '2025-11-05', '2025-11-06', '2025-12-01');
      const live = await pai(open, 'in_corso', '2026-01-25', '2026-01-26', null);
      const measure = (
        type: string,
        start: string,
        status = 'avviata',
        end: string | null = null,
        cost: number | null = null,
      ) =>
        tx.query(
          `INSERT INTO pilot_measures (pai_id, comune_istat, type, provider_name, start_on, end_on, cost_planned, cost_actual, status,
           created_at, updated_at)
         VALUES ($1, $2, $3, 'Ente di prova', $4, $5, 100, $6, $7, $8, $8)`,
          [live, c.istat, type, start, end, cost, status, now],
        );
      await measure('orientamento', '2026-02-01', 'pianificata');
      await measure('bilancio_competenze', '2026-02-01');
      await measure('riqualificazione', '2026-02-01');
      await measure('tirocinio', '2026-03-01', 'completata', '2026-05-01', 50);
      await measure('accompagnamento_lavoro', '2026-03-01', 'interrotta', '2026-04-01', 50);
      await measure('supporto_abitativo', '2026-03-01');
      await measure('mediazione', '2026-03-01');
      await measure('formazione', '2026-03-01', 'annullata');
      await measure('corso_italiano', '2025-12-01', 'completata', '2026-01-31');

      const outcome = (k: MadeCase, kind: string, on: string, employed: boolean | null = null) =>
        tx.query(
          `INSERT INTO pilot_outcomes (person_id, case_id, comune_istat, kind, occurred_on, employed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [k.holderId, k.caseId, c.istat, kind, on, employed, now],
        );
      await outcome(open, 'assegno_inclusione', '2026-04-01');
      await outcome(open, 'autonomia_abitativa', '2026-05-01');
      await outcome(closed, 'follow_up_6', '2026-06-01', true);
      await outcome(leaving, 'follow_up_12', '2026-06-20', false);

      for (const recorded of ['2026-04-01T10:00:00Z', '2026-02-05T10:00:00Z']) {
        await tx.query(
          `INSERT INTO pilot_case_events (case_id, comune_istat, type, occurred_on, recorded_at) VALUES ($1, $2, 'nota', '2026-02-01', $3)`,
          [open.caseId, c.istat, recorded],
        );
      }
    });

    const ref = await login(c.referente.email);
    const res = await ref.get<Table>(URL);
    expect(res.status).toBe(200);
    expect(rowOf(res.body, c.istat).cells).toEqual(
      expect.objectContaining({
        referrals: 0,
        screened_7d: null,
        holders_in_charge: 2,
        family_with_permit: 0,
        permits_issued: 1,
        permits_renewed: 1,
        permits_converted: 1,
        permits_revoked: 1,
        permits_expired: 1,
        expiring_30: 1,
        expiring_60: 1,
        expiring_90: 2,
        cases_opened: 1,
        admitted_holders: 0,
        admitted_family: 0,
        median_days_referral_case: null,
        median_days_case_pai: 10,
        in_sai: 0,
        active_pais: 2,
        m_orientamento: 2,
        m_formazione: 1,
        m_italiano: 0,
        m_tirocinio: 1,
        m_lavoro: 1,
        m_abitativo: 1,
        m_complementari: 1,
        hours: 0,
        completion_rate: 66.7,
        contracts_started: 0,
        employed_at_exit: 1,
        followup_employed: 1,
        conversions_work: 1,
        adi: 1,
        housing_autonomy: 1,
        exit_lavoro: 1,
        exit_trasferimento: 0,
        exit_abbandono: 0,
        exit_revoca: 0,
        exit_scadenza: 0,
        allocation: null,
        committed: 700,
        spent: 100,
        cost_per_pai: 100,
        completeness: 66.7,
        late_events: 1,
      }),
    );
    // the same figures, controlled, for everyone else
    const mlps = rowOf((await agents.mlps.get<Table>(URL)).body, c.istat);
    expectControlled(mlps);
    expect(mlps.cells).toMatchObject({
      permits_expired: '<10',
      completion_rate: '<10',
      completeness: '<10',
      committed: 700,
    });
  });
});
