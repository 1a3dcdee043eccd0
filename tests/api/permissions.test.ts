/**
 * The role × operation matrix, generated from the modules' policy tables: every role gets exactly
 * what the modules' policy tables grant — 403 for the rest — through the raw API.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { makeVerifiedClaim } from '../support/claim-factories.js';
import { assignRevisore, makeProject, type TestProject } from '../support/project-factories.js';
import type { Schema } from '../support/schema.js';
import { makeQuery, makeReport, projectInReachOf } from '../support/monitoring-factories.js';
import { addComuneToWave, completeAnswers, makeWave, type TestWave } from '../support/survey-factories.js';
import { makeCall } from '../support/project-factories.js';
import { makeEvent, makeOrganiser } from '../support/event-factories.js';
import { makePractice } from '../support/practice-factories.js';
import { permissionsOfRole, roles, type Permission } from '../../server/platform/policy.js';

/** A guarded call; `url` may depend on the actor (a response of the actor's own Comune). */
type Call = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string | ((u: TestUser) => Promise<string>);
  body?: () => unknown;
};
let n = 0;
const guarded: Record<Permission, Call | null> = {
  'registry.read': { method: 'GET', url: '/api/v1/comuni?q=roma' },
  'registry.manage': { method: 'PATCH', url: '/api/v1/comuni/001001', body: () => ({ saiNetwork: true }) },
  'organisations.read': { method: 'GET', url: '/api/v1/organisations' },
  'organisations.manage': {
    method: 'POST',
    url: '/api/v1/organisations',
    body: () => ({ type: 'terzo_settore', name: `Associazione ${++n}`, regionCode: '12' }),
  },
  'users.manage': { method: 'GET', url: '/api/v1/users' },
  'audit.read': { method: 'GET', url: '/api/v1/audit' },
  'audit.verify': { method: 'GET', url: '/api/v1/audit/verify' },
  'profile.manage': { method: 'POST', url: '/api/v1/me/totp/setup', body: () => ({}) },
  'pilot.cases.read': { method: 'GET', url: '/api/v1/pilot/cases' },
  'pilot.cases.write': {
    method: 'POST',
    url: '/api/v1/pilot/referrals',
    body: () => ({
      receivedOn: '2026-05-01',
      source: 'inl',
      channel: 'telefono',
      sector: 'agricoltura',
      screening: [],
    }),
  },
  // object-level decisions (404 for a case outside the actor's reach comes first): pilot.cases.test.ts
  'pilot.cases.decide': null,
  'pilot.cases.export': null,
  'pilot.tasks.read': { method: 'GET', url: '/api/v1/pilot/tasks' },
  'pilot.pseudonymised.read': { method: 'GET', url: '/api/v1/pilot/comparative/records?comune=087015' },
  'pilot.comparative.read': { method: 'GET', url: '/api/v1/pilot/comparative?from=2026-01-01&to=2026-05-31' },
  'pilot.budget.read': { method: 'GET', url: '/api/v1/pilot/budget?year=2026' },
  'pilot.budget.manage': {
    method: 'PUT',
    url: '/api/v1/pilot/budget/087015/2026',
    body: () => ({ allocation: 80000 }),
  },
  'pilot.issues.read': { method: 'GET', url: '/api/v1/pilot/issues' },
  // issues are raised for one's own pilot Comune: pilot.work.test.ts
  'pilot.issues.manage': null,
  // documents and notes of a case (404 for a case outside the actor's reach comes first): records.test.ts
  'pilot.records.write': null,
  'pilot.records.delete': null,
  // surveys: each permission gets its call as its routes land (issue 10)
  'surveys.read': { method: 'GET', url: '/api/v1/surveys' },
  'surveys.author': {
    method: 'POST',
    url: '/api/v1/surveys',
    body: () => ({ code: `indagine-${++n}-${Date.now().toString(36)}`, titleIt: 'Indagine di prova' }),
  },
  'surveys.waves.manage': {
    method: 'POST',
    url: '/api/v1/surveys/universe/preview',
    body: () => ({ rule: { kind: 'filter', population: { min: 15000, minExclusive: true } } }),
  },
  // the review queue of a wave made in beforeAll
  'surveys.review': null,
  'surveys.response.fill': { method: 'GET', url: '/api/v1/surveys/my/responses' },
  // sending needs a response the actor can see (404 before 403 for any other): a complete response
  // in the wave of beforeAll, of the actor's own Comune, or of one in the actor's Region
  'surveys.response.submit': {
    method: 'POST',
    url: async (u) => {
      const comune = u.org.comuneIstat ?? (await comuneOutsideWave(u.org.regionCode));
      const id = await addComuneToWave(t.db, wave.waveId, comune, {
        status: 'in_compilazione',
        answers: completeAnswers,
      });
      return `/api/v1/surveys/responses/${id}/submit`;
    },
    body: () => ({ declaration: true }),
  },
  // a Comune's user writes its own Comune's contacts: the import of a file naming no Comune checks the
  // permission first (a Comune's own rows and another Comune's: contacts.test.ts)
  'surveys.contacts.write': {
    method: 'POST',
    url: '/api/v1/surveys/contacts/import',
    body: () => ({ filename: 'c.csv', contentBase64: Buffer.from('codice_istat;tipo;email\n').toString('base64') }),
  },
  // the results of the wave made in beforeAll: the question list, and a free-text question (ANCI only)
  'surveys.results.read': null,
  'surveys.results.full': null,
  // the mapping of a comparison across waves: comparison.test.ts
  'surveys.comparison.manage': null,
  // the open-data releases of the wave made in beforeAll
  'surveys.opendata.release': null,
  // a Comune's own results (beside its Region and Italy; across waves in comparison.test.ts): its
  // response, sent, in a second wave made in beforeAll
  // the projects' expenses: a project the actor sees (of their Comune, of a Comune of their Region,
  // or assigned to them as revisore) with an expense that has its payment proof and a document
  'projects.expenses.write': {
    method: 'POST',
    url: async (u) => `/api/v1/projects/${(await expenseProjectFor(u)).project.id}/expenses`,
    body: () => ({
      lineKey: lastExpenseProject!.project.lines[0]!.lineKey,
      docType: 'FATTURA',
      issuerName: 'Fornitore di prova',
      docNumber: `M-${++n}`,
      docDate: '2025-06-01',
      netCents: 10000,
      chargedCents: 10000,
    }),
  },
  'projects.expenses.validate': {
    method: 'POST',
    url: async (u) => {
      const { project, expenseId } = await expenseProjectFor(u);
      return `/api/v1/projects/${project.id}/expenses/${expenseId}/status`;
    },
    body: () => ({ to: 'VALIDATA' }),
  },
  'projects.documents.read': {
    method: 'GET',
    url: async (u) => {
      const { project, expenseId } = await expenseProjectFor(u);
      return `/api/v1/projects/${project.id}/expenses/${expenseId}/documents`;
    },
  },
  'surveys.results.own': {
    method: 'GET',
    url: async (u) => {
      if (u.org.comuneIstat)
        await addComuneToWave(t.db, mineWave.waveId, u.org.comuneIstat, {
          status: 'inviato',
          answers: completeAnswers,
        });
      return `/api/v1/surveys/waves/${mineWave.waveId}/results/mine`;
    },
  },
  // projects: configuring the funding calls
  'projects.calls.manage': {
    method: 'POST',
    url: '/api/v1/funding-sources',
    body: () => ({ code: `FONDO_PROVA_${++n}`, nameIt: `Fondo di prova ${n}` }),
  },
  // the projects' monitoring and queries, on a project within each actor's reach (404 before 403)
  'projects.monitoring.read': {
    method: 'GET',
    url: async (u) => `/api/v1/projects/${(await projectInReachOf(t.db, u)).id}/monitoring-reports`,
  },
  'projects.monitoring.write': {
    method: 'POST',
    url: async (u) => `/api/v1/projects/${(await projectInReachOf(t.db, u)).id}/monitoring-reports`,
    body: () => ({ year: 2025, quarter: 2 }),
  },
  // a return with a comment, at the level the scheda waits for (MLPS: validated by ANCI)
  'projects.monitoring.review': {
    method: 'POST',
    url: async (u) => {
      const p = await projectInReachOf(t.db, u);
      const mlps = u.org.type === 'mlps';
      const id = await makeReport(t.db, p, { status: mlps ? 'VALIDATA_ANCI' : 'INVIATA' });
      return `/api/v1/projects/${p.id}/monitoring-reports/${id}/review`;
    },
    body: () => ({ decision: 'return', comments: [{ field: 'criticalIssues', text: 'Da integrare' }] }),
  },
  // the plans module (issue 13): each part fills its own entries
  // the plans (issue 13): the list in reach; a referente starts their own (new) Comune's plan
  'plans.read': { method: 'GET', url: '/api/v1/plans' },
  'plans.edit': {
    method: 'POST',
    url: '/api/v1/plans',
    body: () => ({ title: `Piano locale di prova ${++n}`, periodFrom: 2025, periodTo: 2027 }),
  },
  // the coverage matrix: ANCI/Cittalia, MLPS and a Regione (its own Comuni: coverage.test.ts)
  'plans.coverage.read': { method: 'GET', url: '/api/v1/plans-coverage?pageSize=10' },
  'plans.networks.read': { method: 'GET', url: '/api/v1/plan-networks' },
  // the actor adds its own organisation to a network of its own place (a Comune's, its Region's, any for ANCI)
  'plans.networks.edit': {
    method: 'PUT',
    url: async (u) => `/api/v1/plan-networks/${await networkOfPlace(u)}/members/${u.org.id}`,
    body: () => ({ role: 'MEMBRO' }),
  },
  'plans.dialogue.read': { method: 'GET', url: '/api/v1/plan-threads' },
  // a message in a thread of a Comune the user reaches (their own, one of their Region's, else any)
  'plans.dialogue.write': {
    method: 'POST',
    url: async (u) => `/api/v1/plan-threads/${await threadInReachOf(u)}/messages`,
    body: () => ({ body: 'Aggiornamento sul tavolo' }),
  },
  'projects.queries.read': {
    method: 'GET',
    url: async (u) => `/api/v1/projects/${(await projectInReachOf(t.db, u)).id}/queries`,
  },
  'projects.queries.open': {
    method: 'POST',
    url: async (u) => `/api/v1/projects/${(await projectInReachOf(t.db, u)).id}/queries`,
    body: () => ({
      anchorType: 'PROGETTO',
      subject: 'Cronoprogramma',
      message: 'Inviate il cronoprogramma aggiornato',
    }),
  },
  // the Comune answers a thread of its own project opened by ANCI/Cittalia
  'projects.queries.answer': {
    method: 'POST',
    url: async (u) => {
      const p = await projectInReachOf(t.db, u);
      const id = await makeQuery(t.db, p, { by: u, level: u.org.type === 'mlps' ? 'ANCI' : 'MLPS' });
      return `/api/v1/projects/${p.id}/queries/${id}/messages`;
    },
    body: () => ({ body: 'Ecco il cronoprogramma' }),
  },
  // the dashboards: ANCI/Cittalia, MLPS and a Regione the national one; a Comune's staff their own
  'projects.dashboards.national': { method: 'GET', url: '/api/v1/project-dashboards/national' },
  'projects.dashboards.comune': { method: 'GET', url: '/api/v1/project-dashboards/comune' },
  // projects (issue 12)
  'projects.read': { method: 'GET', url: '/api/v1/projects' },
  // a project of the actor's own Comune on the published call made in beforeAll
  'projects.design.write': null,
  // a decision needs a proposed budget version the actor can see (404 before 403): design/budget.test.ts
  'projects.budget.decide': null,
  // projects' claims: a project within the user's reach (their own Comune's, their Region's, or
  // assigned to them as revisore), so that only the permission decides
  'projects.claims.write': {
    method: 'POST',
    url: async (u) => `/api/v1/projects/${(await projectReachedBy(u)).id}/claims`,
    body: () => ({ periodStart: '2025-01-01', periodEnd: '2025-06-30' }),
  },
  'projects.claims.verify': { method: 'GET', url: '/api/v1/revisore/assignments' },
  'projects.claims.decide': {
    method: 'POST',
    url: async (u) => {
      const project = await projectReachedBy(u);
      const { claimId } = await makeVerifiedClaim(t.db, project, u.id);
      return `/api/v1/projects/${project.id}/claims/${claimId}/transitions`;
    },
    body: () => ({ to: 'APPROVATA' }),
  },
  'projects.revisori.assign': { method: 'GET', url: '/api/v1/project-revisori?q=a' },
  // the events module (issue 14): its parts name their guarded calls as they come
  // registrations: the user registers themself for a fresh published workshop
  'events.register': {
    method: 'POST',
    url: async () => `/api/v1/events/${(await makeEvent(t.db, await makeOrganiser(t.db))).id}/registrations`,
    body: () => ({}),
  },
  // the organisers' list of every event, drafts included
  'events.manage': { method: 'GET', url: '/api/v1/events' },
  'events.figures.read': { method: 'GET', url: '/api/v1/event-figures' },
  // the knowledge module's publications: the organisers create a draft; MLPS and they read the list
  'knowledge.publications.manage': {
    method: 'POST',
    url: '/api/v1/knowledge/publications',
    body: () => ({ kind: 'ALTRO', title: 'Pubblicazione di prova', abstract: 'Testo di prova.' }),
  },
  'knowledge.publications.read': { method: 'GET', url: '/api/v1/knowledge/publications' },
  'knowledge.practices.write': { method: 'GET', url: '/api/v1/practices' },
  // a fresh practice in review for each role: the reviewer returns it with a comment
  'knowledge.practices.review': {
    method: 'POST',
    url: async (u) => `/api/v1/practices/${(await makePractice(t.db, u, { status: 'IN_REVISIONE' })).id}/return`,
    body: () => ({ rowVersion: 1, comment: 'Da completare: i risultati.' }),
  },
  'knowledge.case_studies.write': { method: 'GET', url: '/api/v1/case-studies' },
  // the help desk (issue 14 item 4): the Comune's picker of its projects and plans, the help desk's staff picker
  'helpdesk.request': { method: 'GET', url: '/api/v1/help-requests/choices' },
  'helpdesk.handle': { method: 'GET', url: '/api/v1/help-requests/staff' },
  'helpdesk.answers.read': { method: 'GET', url: '/api/v1/help-answers' },
  'helpdesk.figures.read': { method: 'GET', url: '/api/v1/help-figures' },
};

let lastExpenseProject: { project: TestProject; expenseId: string } | null = null;

/**
 * A project the user sees (in their Comune; else in a Comune of their Region; else anywhere, and
 * assigned to them when they are a revisore), with a CARICATA expense with its payment proof and a document.
 */
/** A network of the user's own place: their Comune's, their Region's own, or (national) any Comune's. */
async function networkOfPlace(u: TestUser): Promise<string> {
  const id = randomUUID();
  await t.db.ownerTx(async (tx) => {
    const [place] = u.org.comuneIstat
      ? await tx.query<{ comune: string | null; region: string }>(
          'SELECT istat_code AS comune, region_code AS region FROM comuni WHERE istat_code = $1',
          [u.org.comuneIstat],
        )
      : u.org.regionCode
        ? [{ comune: null, region: u.org.regionCode }]
        : [{ comune: '058091', region: '12' }];
    await tx.query(
      `INSERT INTO plm_networks (id, comune_istat, region_code, kind, name, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, 'TAVOLO', 'Tavolo di prova', $4, now(), now())`,
      [id, place!.comune, place!.region, u.id],
    );
  });
  return id;
}

async function expenseProjectFor(u: TestUser): Promise<{ project: TestProject; expenseId: string }> {
  let org = u.org.comuneIstat ? u.org : undefined;
  if (!org && u.org.regionCode) {
    const [c] = await t.db.ownerTx((tx) =>
      tx.query<{ istat_code: string }>(
        `SELECT istat_code FROM comuni c WHERE region_code = $1
            AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code)
          ORDER BY istat_code LIMIT 1`,
        [u.org.regionCode],
      ),
    );
    org = await makeOrg(t.db, { type: 'comune', comuneIstat: c!.istat_code });
  }
  const project = await makeProject(t.db, org ? { org } : {});
  const revisore = await t.db.ownerTx((tx) =>
    tx.query(`SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'revisore'`, [u.id]),
  );
  if (revisore.length) await assignRevisore(t.db, project, { user: u });
  const expenseId = randomUUID();
  const documentId = randomUUID();
  await t.db.ownerTx(async (tx) => {
    const [creator] = await tx.query<{ id: string }>('SELECT id FROM users ORDER BY created_at LIMIT 1');
    await tx.query(
      `INSERT INTO project_expenses (id, project_id, comune_istat, line_key, doc_type, issuer_name, issuer_key, doc_number,
              number_key, doc_date, net_cents, charged_cents, payment_date, payment_means, payment_cents, status,
              created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'FATTURA', 'Fornitore', 'N:FORNITORE', $5, $5, '2025-06-01', 10000, 10000, '2025-06-10',
               'BONIFICO', 10000, 'CARICATA', $6, now(), now())`,
      [expenseId, project.id, project.comuneIstat, project.lines[0]!.lineKey, `P-${++n}`, creator!.id],
    );
    await tx.query(
      `INSERT INTO project_expense_documents (id, expense_id, project_id, comune_istat, kind, filename, content_type,
              size_bytes, sha256, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, 'GIUSTIFICATIVO', 'fattura.pdf', 'application/pdf', 10, $5, $6, now())`,
      [documentId, expenseId, project.id, project.comuneIstat, '0'.repeat(64), creator!.id],
    );
  });
  lastExpenseProject = { project, expenseId };
  return lastExpenseProject;
}

/** A project the user reaches: of their Comune, of a Comune of their Region, else any (assigned when a revisore). */
async function projectReachedBy(u: TestUser): Promise<TestProject> {
  let org = u.org.type === 'comune' ? u.org : undefined;
  if (u.org.type === 'regione') {
    const [c] = await t.db.ownerTx((tx) =>
      tx.query<{ istat_code: string }>(
        `SELECT istat_code FROM comuni c WHERE region_code = $1
            AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code) LIMIT 1`,
        [u.org.regionCode],
      ),
    );
    org = await makeOrg(t.db, { type: 'comune', comuneIstat: c!.istat_code });
  }
  const project = await makeProject(t.db, org ? { org } : {});
  const roles = await t.db.ownerTx((tx) =>
    tx.query<{ role: string }>('SELECT role FROM user_roles WHERE user_id = $1', [u.id]),
  );
  if (roles.some((r) => r.role === 'revisore')) await assignRevisore(t.db, project, { user: u });
  return project;
}

/** A Region–Comune thread of a Comune the user reaches, written as the database owner. */
async function threadInReachOf(u: TestUser): Promise<string> {
  const id = randomUUID();
  await t.db.ownerTx(async (tx) => {
    const [c] = await tx.query<{ istat_code: string; region_code: string }>(
      `SELECT istat_code, region_code FROM comuni
        WHERE istat_code = coalesce($1, istat_code) AND region_code = coalesce($2, region_code)
        ORDER BY istat_code LIMIT 1`,
      [u.org.comuneIstat, u.org.regionCode],
    );
    await tx.query(
      `INSERT INTO plm_threads (id, comune_istat, region_code, subject, anchor_kind, topic, status, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, 'Conversazione di prova', 'TEMA', 'Tavoli', 'APERTA', $4, now(), now())`,
      [id, c!.istat_code, c!.region_code, u.id],
    );
  });
  return id;
}

let t: TestApp;
let wave: TestWave;
let mineWave: TestWave;

/** A Comune not yet in the wave, in `region` when given. */
async function comuneOutsideWave(region: string | null): Promise<string> {
  const [c] = await t.db.ownerTx((tx) =>
    tx.query<{ istat_code: string }>(
      `SELECT istat_code FROM comuni c WHERE region_code = coalesce($1, region_code)
          AND NOT EXISTS (SELECT 1 FROM survey_wave_comuni w WHERE w.wave_id = $2 AND w.comune_istat = c.istat_code)
        ORDER BY istat_code LIMIT 1`,
      [region, wave.waveId],
    ),
  );
  return c!.istat_code;
}
beforeAll(async () => {
  t = await startTestApp();
  // Catania is a pilot Comune for the budget call
  await t.db.ownerTx((tx) => tx.query("UPDATE comuni SET pilot_18ter = true WHERE istat_code = '087015'"));
  wave = await makeWave(t.db);
  mineWave = await makeWave(t.db);
  guarded['surveys.review'] = { method: 'GET', url: `/api/v1/surveys/waves/${wave.waveId}/review-queue` };
  guarded['surveys.results.read'] = { method: 'GET', url: `/api/v1/surveys/waves/${wave.waveId}/results/questions` };
  guarded['surveys.results.full'] = {
    method: 'GET',
    url: `/api/v1/surveys/waves/${wave.waveId}/results?question=referente`,
  };
  guarded['surveys.opendata.release'] = { method: 'GET', url: `/api/v1/surveys/waves/${wave.waveId}/open-data` };
  const call = await makeCall(t.db);
  guarded['projects.design.write'] = {
    method: 'POST',
    url: '/api/v1/projects',
    body: () => ({
      callVersionId: call.versionId,
      title: `Progetto di prova ${++n}`,
      startDate: '2025-01-01',
      endDate: '2026-12-31',
    }),
  };
});
afterAll(async () => t.close());

describe('permission matrix', () => {
  for (const role of roles) {
    it(`${role}: allowed exactly what the permission table grants`, async () => {
      const u = await makeUser(t.db, { roles: [role] });
      const a = new Agent(t.app);
      expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
      for (const [permission, call] of Object.entries(guarded) as [Permission, Call | null][]) {
        if (!call) continue;
        const url = typeof call.url === 'string' ? call.url : await call.url(u);
        const res = await a.request(call.method, url, call.body?.());
        const granted = permissionsOfRole(role).includes(permission);
        if (granted) expect(res.status, `${role} ${permission}`).toBeLessThan(300);
        else expect(res.status, `${role} ${permission}`).toBe(403);
      }
      // and /me reports the same permissions the table holds
      const me = await a.get<Schema<'Me'>>('/api/v1/me');
      expect(me.body.permissions).toEqual(permissionsOfRole(role).sort());
    });
  }
});
