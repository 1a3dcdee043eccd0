/**
 * The role × operation matrix, generated from the modules' policy tables: every role gets exactly
 * what the modules' policy tables grant — 403 for the rest — through the raw API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';
import type { Schema } from '../support/schema.js';
import { makeWave } from '../support/survey-factories.js';
import { permissionsOfRole, roles, type Permission } from '../../server/platform/policy.js';

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; body?: () => unknown };
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
  // sending needs a response of the actor's own Comune (404 before 403 for any other):
  // server/modules/surveys/responses/responses.test.ts (compilatore 403, validatore and referente 200)
  'surveys.response.submit': null,
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
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // Catania is a pilot Comune for the budget call
  await t.db.ownerTx((tx) => tx.query("UPDATE comuni SET pilot_18ter = true WHERE istat_code = '087015'"));
  const wave = await makeWave(t.db);
  guarded['surveys.review'] = { method: 'GET', url: `/api/v1/surveys/waves/${wave.waveId}/review-queue` };
  guarded['surveys.results.read'] = { method: 'GET', url: `/api/v1/surveys/waves/${wave.waveId}/results/questions` };
  guarded['surveys.results.full'] = {
    method: 'GET',
    url: `/api/v1/surveys/waves/${wave.waveId}/results?question=referente`,
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
        const res = await a.request(call.method, call.url, call.body?.());
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
