/**
 * Object-level access across Comuni (security.md T-01, sub-resources included): every pilot
 * operation that names a record in its path, called by the referente of another pilot Comune with
 * a valid request, answers 404 and leaves the records unchanged — while the owner's referente
 * reads the same records (so the 404 is not a wrong id). The operations come from the committed OpenAPI document, so a new
 * one fails here until it is listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../support/harness.js';
import { makeCase, pilotFingerprint, twoPilotComuni, type PilotComune } from '../support/pilot-factories.js';
import { projectRoot } from '../../server/platform/paths.js';

const spec = JSON.parse(readFileSync(join(projectRoot(), 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string }>>;
};

/** A valid body for each operation (validation comes before the 404). */
const bodies: Record<string, unknown> = {
  updatePilotReferral: { outcome: 'non_pertinente', outcomeOn: '2026-05-20' },
  addPilotMember: {
    relation: 'fratello',
    person: {
      identity: { surname: 'Estranei', givenNames: 'Prova', birthDate: '1990-01-01' },
      sex: 'M',
      birthCountry: 'MA',
      nationalities: ['MA'],
    },
  },
  transitionPilotCase: { to: 'sospeso', on: '2026-05-20', reason: 'Prova di accesso' },
  reassignPilotCase: { ownerUserId: '00000000-0000-4000-8000-000000000000' },
  decidePilotAdmission: { decision: 'revoca', on: '2026-05-20', reason: 'Prova di accesso' },
  createPilotPermit: { basis: 'motivi_famiglia', questura: 'Questura di prova' },
  recordPilotPermitEvent: { event: 'renewal_request', on: '2026-05-20' },
  createPilotPai: {
    personId: '',
    needs: { education: 'primaria', skills: [], languages: [], workHistory: [] },
    objectives: ['Prova'],
  },
  updatePilotPai: { objectives: ['Prova'], expectedVersion: 2 },
  transitionPilotPai: { to: 'in_corso', on: '2026-05-26' },
  addPilotMeasure: {
    type: 'orientamento',
    providerName: 'Ente di prova',
    startOn: '2026-05-20',
    hoursPlanned: 1,
    costPlanned: 1,
  },
  updatePilotMeasure: { status: 'avviata' },
  addPilotOutcome: { personId: '', kind: 'assegno_inclusione', occurredOn: '2026-05-20' },
  addPilotContract: { personId: '', type: 'stagionale', ateco: '01.13', startOn: '2026-05-20' },
  completePilotTask: {},
  updatePilotIssue: { status: 'in_corso' },
  uploadPilotDocument: { personId: '', kind: 'altro', filename: 'prova.pdf', content: '' },
  removePilotDocument: undefined,
  addPilotCaseNote: { text: 'Prova di accesso' },
};

/** The smallest file the document store accepts: a PDF header and its end marker. */
const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
/** Operations whose path names no record of a Comune. */
const notObjectLevel = new Set(['setPilotBudget']);

let t: TestApp;
let a: PilotComune;
let refA: Agent;
let refB: Agent;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const comuni = await twoPilotComuni(t);
  a = comuni.a;
  refA = comuni.a.as.referente;
  refB = comuni.b.as.referente;
  const c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure', owner: a.operatore });
  ids.caseId = c.caseId;
  ids.personId = c.holderId;
  await t.db.ownerTx(async (tx) => {
    const one = async (sql: string, params: unknown[]) => (await tx.query<{ id: string }>(sql, params))[0]!.id;
    ids.permitId = await one('SELECT id FROM pilot_permits WHERE person_id = $1', [c.holderId]);
    ids.referralId = await one(
      `INSERT INTO pilot_referrals (comune_istat, received_on, source, channel, sector, catalogue_version, created_at, updated_at)
       VALUES ($1, '2026-05-01', 'inl', 'telefono', 'agricoltura', 1, now(), now()) RETURNING id`,
      [a.istat],
    );
    await tx.query(
      `INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, 2026, 10000, now())`,
      [a.istat],
    );
    ids.taskId = await one(
      `INSERT INTO pilot_tasks (comune_istat, assignee_user_id, kind, due_on, case_id, label, dedupe_key, created_at)
       VALUES ($1, $2, 'pai_review', '2026-06-01', $3, 'Prova', 'tenancy-test', now()) RETURNING id`,
      [a.istat, a.referente.id, c.caseId],
    );
    ids.issueId = await one(
      `INSERT INTO pilot_issues (comune_istat, raised_by, raised_by_level, category, title, description, owner, due_on, created_at, updated_at)
       VALUES ($1, $2, 'comune', 'dati', 'Prova', 'Prova', 'Referente', '2026-07-01', now(), now()) RETURNING id`,
      [a.istat, a.referente.id],
    );
  });
  // the PAI, a measure and a frozen version through the API, as the Comune would make them
  const pai = await refA.post<{ id: string }>(`/api/v1/pilot/cases/${c.caseId}/pais`, {
    personId: c.holderId,
    needs: { education: 'primaria' },
    objectives: ['Inserimento lavorativo'],
  });
  expect(pai.status).toBe(201);
  ids.paiId = pai.body.id;
  const m = await refA.post<{ id: string }>(`/api/v1/pilot/pais/${ids.paiId}/measures`, {
    type: 'orientamento',
    providerName: 'Ente di prova',
    startOn: '2026-05-20',
    hoursPlanned: 4,
    costPlanned: 100,
  });
  ids.measureId = m.body.id;
  for (const [to, extra] of [
    ['condiviso', { noticeLanguage: 'pa' }],
    ['approvato', {}],
    ['in_corso', {}],
    ['in_revisione', {}],
  ] as const) {
    const r = await refA.post(`/api/v1/pilot/pais/${ids.paiId}/transitions`, { to, on: '2026-05-25', ...extra });
    expect(r.status, `${to}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  ids.version = '1';
  for (const k of ['createPilotPai', 'addPilotOutcome', 'addPilotContract', 'uploadPilotDocument'])
    (bodies[k] as { personId: string }).personId = ids.personId;
  (bodies.uploadPilotDocument as { content: string }).content = tinyPdf;
  const doc = await refA.post<{ id: string }>(`/api/v1/pilot/cases/${c.caseId}/documents`, bodies.uploadPilotDocument);
  expect(doc.status, JSON.stringify(doc.body)).toBe(201);
  ids.documentId = doc.body.id;
});
afterAll(async () => t.close());

const operations = Object.entries(spec.paths)
  .filter(([path]) => path.startsWith('/api/v1/pilot/') && path.includes('{'))
  .flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      path,
      method: method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      id: op.operationId,
    })),
  )
  .filter((op) => !notObjectLevel.has(op.id));

describe("another Comune's records", () => {
  it('every object-level pilot operation is covered', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const op of operations) if (op.method !== 'GET') expect(bodies, op.id).toHaveProperty(op.id);
    expect(operations.some((op) => op.method === 'DELETE')).toBe(true);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path} answers 404 to another Comune and changes nothing`, async () => {
      const url = op.path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]!);
      const before = await pilotFingerprint(t.db);
      const res = await refB.request(
        op.method,
        url,
        op.method === 'GET' || op.method === 'DELETE' ? undefined : bodies[op.id],
      );
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(await pilotFingerprint(t.db)).toEqual(before);
      if (op.method === 'GET') expect((await refA.get(url)).status, 'the owner reads it').toBe(200);
    });
  }
});
