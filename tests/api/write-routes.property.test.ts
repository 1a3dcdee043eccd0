/**
 * Property test: whatever body arrives at a write route, the answer is a 4xx problem — never a
 * 5xx — and nothing in the database changes. The routes come from the committed OpenAPI document,
 * so a new write route is covered the day it is added.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { fingerprint, makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { projectRoot } from '../../server/platform/paths.js';

interface Operation {
  requestBody?: unknown;
}
const spec = JSON.parse(readFileSync(join(projectRoot(), 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const writeRoutes = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method, op]) => ['post', 'put', 'patch', 'delete'].includes(method) && op.requestBody)
    .map(([method]) => ({ method: method.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE', path })),
);

let t: TestApp;
let admin: Agent;
let adminUser: TestUser;
let params: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  adminUser = await makeUser(t.db, { roles: ['amministratore'] });
  admin = new Agent(t.app);
  await admin.login(adminUser.email, TEST_PASSWORD);
  const org = await makeOrg(t.db, { type: 'comune' });
  const victim = await makeUser(t.db, { roles: ['referente_comunale'], org });
  params = { id: victim.id, istatCode: org.comuneIstat! };
});
afterAll(async () => t.close());

// bodies that are not what any route expects: junk values, objects with wrong types, hostile keys
const junkBody = fc
  .oneof(
    fc.jsonValue(),
    fc.dictionary(
      fc.constantFrom(
        'email',
        'password',
        'name',
        'type',
        'roles',
        'status',
        'saiNetwork',
        'code',
        'newPassword',
        'organisationId',
        'comuneIstat',
        'regionCode',
        'displayName',
        'currentPassword',
        'pilot18ter',
        '__proto__',
        'constructor',
        'id',
      ),
      fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.integer()),
        fc.string({ maxLength: 3 }),
        fc.object(),
      ),
    ),
    fc.string().map((s) => ({ raw: s })),
  )
  .filter((body) => {
    // {saiNetwork: false} and {displayName: '!'} are valid updates, not junk
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return true;
    const entries = Object.entries(body);
    const validEntry = ([k, v]: [string, unknown]) =>
      (['saiNetwork', 'pilot18ter'].includes(k) && typeof v === 'boolean') ||
      (k === 'displayName' && typeof v === 'string' && v.trim().length > 0);
    return !(entries.length > 0 && entries.every(validEntry));
  });

describe('every write route', () => {
  it('has routes to test', () => {
    expect(writeRoutes.length).toBeGreaterThanOrEqual(9);
  });

  for (const route of writeRoutes) {
    it(`${route.method} ${route.path}: malformed bodies get 4xx and change nothing`, async () => {
      const url = route.path.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? 'x');
      const before = await fingerprint(t.db);
      await fc.assert(
        fc.asyncProperty(junkBody, async (body) => {
          const res = await admin.request(route.method, url, body);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/problem\+json/);
        }),
        { numRuns: 40 },
      );
      // and raw bytes that are not JSON at all
      for (const raw of ['{', 'null', '[]', '"x"', '{"a":', '\u0000', 'true']) {
        const res = await admin.request(route.method, url, raw);
        expect(res.status, raw).toBeGreaterThanOrEqual(400);
        expect(res.status, raw).toBeLessThan(500);
      }
      const after = await fingerprint(t.db);
      // failed logins are audited by design; nothing else may move
      if (route.path.endsWith('/auth/login')) {
        delete after.audit;
        delete before.audit;
      }
      expect(after).toEqual(before);
    });
  }
});
