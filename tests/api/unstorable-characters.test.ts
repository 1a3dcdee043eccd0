/**
 * Text PostgreSQL cannot store (U+0000, which it refuses, and unpaired UTF-16 surrogates, which it
 * would mangle) is refused at the boundary with a 400 naming the field, before any handler runs:
 * in every body field, query parameter and path parameter of every operation of the committed
 * OpenAPI document, and, with otherwise valid requests, in the fields where testers got a 500.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp, type Res } from '../support/harness.js';
import { fingerprint, makeUser, TEST_PASSWORD } from '../support/factories.js';
import { loginAs, makeCase, makePilotComune, pilotFingerprint, type PilotComune } from '../support/pilot-factories.js';
import type { Problem } from '../support/schema.js';
import { projectRoot } from '../../server/platform/paths.js';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Json }> };
}
const spec = JSON.parse(readFileSync(join(projectRoot(), 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
};
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function resolve(schema: Json): Json {
  const ref = schema.$ref;
  return typeof ref === 'string' ? spec.components.schemas[ref.split('/').pop()!]! : schema;
}

/** The top-level field names a request body schema declares (across the branches of a union). */
function bodyFields(schema: Json): string[] {
  const s = resolve(schema);
  const branches = [s, ...((s.oneOf ?? s.anyOf ?? s.allOf ?? []) as Json[]).map(resolve)];
  return [...new Set(branches.flatMap((b) => Object.keys((b.properties ?? {}) as Json)))];
}

const anyId = '00000000-0000-4000-8000-000000000000';
const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => {
    const body = op.requestBody ? Object.values(op.requestBody.content)[0]!.schema : null;
    return {
      method: method.toUpperCase() as Method,
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      fields: body ? bodyFields(body) : null,
    };
  }),
);

/** The operation's path with every parameter filled with a well-formed value, or `bad` for `badParam`. */
function urlOf(path: string, badParam?: string, bad = ''): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => (k === badParam ? bad : k === 'istatCode' ? '001001' : anyId));
}

/**
 * A personal link's routes take no session: a missing or malformed token is refused with 401 before
 * the body is read, so they get a well-formed token (the session routes get the admin's session);
 * the body check comes before the token is looked up.
 */
const linkHeaders = (path: string): { headers?: Record<string, string> } =>
  path.startsWith('/api/v1/surveys/link/') ? { headers: { 'x-survey-link': 'A'.repeat(43) } } : {};

function expectRefused(res: Res<unknown>, path: string, what: string): void {
  expect(res.status, what).toBe(400);
  const body = res.body as Problem;
  expect(body.code, what).toBe('request.invalid');
  expect(
    body.errors?.map((e) => e.path),
    what,
  ).toContain(path);
  expect(body.errors?.find((e) => e.path === path)?.code, what).toBe('invalid_character');
}

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp();
  const u = await makeUser(t.db, { roles: ['amministratore'] });
  admin = new Agent(t.app);
  await admin.login(u.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('every operation of the OpenAPI document', () => {
  it('has operations, fields and parameters to test', () => {
    expect(operations.length).toBeGreaterThanOrEqual(60);
    expect(operations.filter((o) => o.fields?.length).length).toBeGreaterThanOrEqual(25);
    expect(operations.filter((o) => o.query.length).length).toBeGreaterThanOrEqual(10);
  });

  it('answers 400 naming the field for U+0000 or a lone surrogate in any body field, query or path parameter, and changes nothing', async () => {
    const before = { ...(await fingerprint(t.db)), ...(await pilotFingerprint(t.db)) };
    let checked = 0;
    for (const op of operations) {
      const name = `${op.method} ${op.path}`;
      for (const field of op.fields ?? []) {
        const nul = await admin.request(op.method, urlOf(op.path), { [field]: 'a\u0000b' }, linkHeaders(op.path));
        expectRefused(nul, `body.${field}`, `${name} body.${field}`);
        // a lone surrogate, sent as the JSON escape a client would write
        const lone = await admin.request(op.method, urlOf(op.path), `{"${field}":"x\\ud800"}`, linkHeaders(op.path));
        expectRefused(lone, `body.${field}`, `${name} body.${field} (surrogate)`);
        checked += 2;
      }
      for (const q of op.query) {
        const res = await admin.request(
          op.method,
          `${urlOf(op.path)}?${q}=a%00b`,
          op.method === 'GET' ? undefined : {},
          linkHeaders(op.path),
        );
        expectRefused(res, `querystring.${q}`, `${name} ?${q}`);
        checked++;
      }
      for (const p of op.params) {
        const res = await admin.request(
          op.method,
          urlOf(op.path, p, 'a%00b'),
          op.method === 'GET' ? undefined : {},
          linkHeaders(op.path),
        );
        expectRefused(res, `params.${p}`, `${name} {${p}}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(200);
    expect({ ...(await fingerprint(t.db)), ...(await pilotFingerprint(t.db)) }).toEqual(before);
    // a request per field of every operation (hundreds): it grows with the API
  }, 180_000);

  it('finds the character in nested values and object keys, and names where', async () => {
    const res = await admin.request('POST', '/api/v1/users', {
      displayName: 'Nome',
      roles: ['operatore', 'x\u0000'],
      ['k\u0000']: 1,
      nested: { deeper: [{ text: '\udc00' }] },
    });
    expect(res.status).toBe(400);
    const paths = (res.body as Problem).errors!.map((e) => e.path).sort();
    expect(paths).toEqual(['body.k\\u0000', 'body.nested.deeper.0.text', 'body.roles.1']);
  });

  it('lets a well-formed surrogate pair (an emoji) through to validation', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const res = await admin.patch<{ displayName: string }>(`/api/v1/users/${u.id}`, { displayName: 'Anna 🌿' });
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('Anna 🌿');
  });
});

describe('the fields where U+0000 used to answer 500', () => {
  let comune: PilotComune;
  let op: Agent;
  let ref: Agent;
  beforeAll(async () => {
    comune = await makePilotComune(t.db);
    op = await loginAs(t, comune.operatore);
    ref = await loginAs(t, comune.referente);
  });

  it('users.displayName', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const before = await fingerprint(t.db);
    expectRefused(
      await admin.patch(`/api/v1/users/${u.id}`, { displayName: 'Nome\u0000' }),
      'body.displayName',
      'displayName',
    );
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('permits.questura', async () => {
    const kase = await makeCase(t.db, t.cipher, { comune, withPermit: false });
    const before = await pilotFingerprint(t.db);
    const res = await op.post(`/api/v1/pilot/persons/${kase.holderId}/permits`, {
      basis: 'art_18ter',
      questura: 'Questura di prova\u0000',
    });
    expectRefused(res, 'body.questura', 'questura');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('measures.providerName and measures.outcome', async () => {
    const kase = await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure' });
    const pai = await op.post<{ id: string }>(`/api/v1/pilot/cases/${kase.caseId}/pais`, {
      personId: kase.holderId,
      needs: { education: 'secondaria_inferiore', skills: [], languages: [], workHistory: [], notes: '' },
      objectives: ['Raggiungere il livello A2 di italiano'],
    });
    expect(pai.status).toBe(201);
    const measure = {
      type: 'corso_italiano',
      providerName: 'CPIA di prova',
      startOn: '2026-06-15',
      endOn: '2026-12-15',
      hoursPlanned: 120,
      costPlanned: 800,
    };
    const made = await op.post<{ id: string }>(`/api/v1/pilot/pais/${pai.body.id}/measures`, measure);
    expect(made.status).toBe(201);
    const before = await pilotFingerprint(t.db);
    const add = await op.post(`/api/v1/pilot/pais/${pai.body.id}/measures`, {
      ...measure,
      providerName: 'CPIA\u0000',
    });
    expectRefused(add, 'body.providerName', 'providerName');
    const outcome = await op.patch(`/api/v1/pilot/measures/${made.body.id}`, { outcome: 'Livello A2\u0000' });
    expectRefused(outcome, 'body.outcome', 'outcome');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('issues.description and issues.correctiveAction', async () => {
    const body = {
      comuneIstat: comune.istat,
      category: 'rete_territoriale',
      title: 'Tempi lunghi della Questura per i rinnovi',
      description: 'Le richieste di rinnovo attendono oltre 60 giorni.',
      correctiveAction: 'Tavolo con la Prefettura',
      owner: 'Referente comunale',
      dueOn: '2026-10-31',
    };
    const made = await ref.post<{ id: string }>('/api/v1/pilot/issues', body);
    expect(made.status).toBe(201);
    const before = await pilotFingerprint(t.db);
    const res = await ref.post('/api/v1/pilot/issues', {
      ...body,
      description: 'Attese\u0000',
      correctiveAction: 'Tavolo\u0000',
    });
    expect(res.status).toBe(400);
    expect((res.body as Problem).errors!.map((e) => e.path).sort()).toEqual([
      'body.correctiveAction',
      'body.description',
    ]);
    const patch = await ref.patch(`/api/v1/pilot/issues/${made.body.id}`, { correctiveAction: 'Nuovo\u0000' });
    expectRefused(patch, 'body.correctiveAction', 'correctiveAction (update)');
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('the free-text query parameters /users?q, /audit?entityType|entityId|action, /pilot/cases?q', async () => {
    expectRefused(await admin.get('/api/v1/users?q=a%00'), 'querystring.q', 'users?q');
    for (const q of ['entityType', 'entityId', 'action']) {
      expectRefused(await admin.get(`/api/v1/audit?${q}=a%00`), `querystring.${q}`, `audit?${q}`);
    }
    expectRefused(await op.get('/api/v1/pilot/cases?q=Prova%00'), 'querystring.q', 'pilot/cases?q');
  });
});
