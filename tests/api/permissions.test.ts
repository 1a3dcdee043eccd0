/**
 * The role × operation matrix, generated from the one permission table: every role gets exactly
 * what `permissionTable` grants — 403 for the rest — through the raw API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';
import { permissionTable, roles, type Permission } from '../../server/platform/policy.js';

type Call = { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: () => unknown };
let n = 0;
const guarded: Record<Permission, Call | null> = {
  'registry.read': { method: 'GET', url: '/api/v1/comuni?q=roma' },
  'registry.manage': { method: 'PATCH', url: '/api/v1/comuni/001001', body: () => ({ saiNetwork: true }) },
  'organisations.read': { method: 'GET', url: '/api/v1/organisations' },
  'organisations.manage': { method: 'POST', url: '/api/v1/organisations', body: () => ({ type: 'terzo_settore', name: `Associazione ${++n}`, regionCode: '12' }) },
  'users.manage': { method: 'GET', url: '/api/v1/users' },
  'audit.read': { method: 'GET', url: '/api/v1/audit' },
  'audit.verify': { method: 'GET', url: '/api/v1/audit/verify' },
  'profile.manage': { method: 'POST', url: '/api/v1/me/totp/setup', body: () => ({}) },
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('permission matrix', () => {
  for (const role of roles) {
    it(`${role}: allowed exactly what the permission table grants`, async () => {
      const u = await makeUser(t.db, { roles: [role] });
      const a = new Agent(t.app);
      expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
      for (const [permission, call] of Object.entries(guarded) as [Permission, Call][]) {
        const res = await a.request(call.method, call.url, call.body?.());
        const granted = permissionTable[role].includes(permission);
        if (granted) expect(res.status, `${role} ${permission}`).toBeLessThan(300);
        else expect(res.status, `${role} ${permission}`).toBe(403);
      }
      // and /me reports the same permissions the table holds
      const me = await a.get<{ permissions: string[] }>('/api/v1/me');
      expect(me.body.permissions).toEqual([...permissionTable[role]].sort());
    });
  }
});
