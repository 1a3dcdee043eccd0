/**
 * Bodies the API does not want: an operation that declares no body takes none, a body nested
 * 200,000 deep gets a 4xx (never a blown stack), a 10 MB body gets its 413 over a real TCP
 * connection instead of a reset, and the file downloads document their 2xx answer.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../support/harness.js';
import { fingerprint, makeUser, TEST_PASSWORD } from '../support/factories.js';
import type { Problem } from '../support/schema.js';
import { projectRoot } from '../../server/platform/paths.js';

type Json = Record<string, unknown>;
const spec = JSON.parse(readFileSync(join(projectRoot(), 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Json & { requestBody?: unknown; responses: Record<string, Json> }>>;
};
const bodylessWrites = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method, op]) => ['post', 'put', 'patch', 'delete'].includes(method) && !op.requestBody)
    .map(([method]) => ({ method: method.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE', path })),
);

const deepArray = '['.repeat(200_000) + ']'.repeat(200_000);

let t: TestApp;
let agent: Agent;
beforeAll(async () => {
  t = await startTestApp();
  const u = await makeUser(t.db, { roles: ['amministratore'] });
  agent = new Agent(t.app);
  await agent.login(u.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('operations that declare no request body', () => {
  it('are logout, TOTP setup and reset, removing a network’s member organisation, removing a document (of a case or of an expense), an expense or an item of a project design, an action of a plan, publishing a call’s rules or a questionnaire, a claim’s new version, revoking a revisore, issuing an event’s certificates, launching, closing and dispatching a wave, revoking a link, the review steps of a survey response, closing and reopening a Region–Comune thread, cancelling an event registration, taking note of a late help-desk request', () => {
    expect(bodylessWrites.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'DELETE /api/v1/pilot/documents/{documentId}',
      'DELETE /api/v1/plan-networks/{networkId}/members/{organisationId}',
      'DELETE /api/v1/plans/{planId}/actions/{actionId}',
      'DELETE /api/v1/projects/{projectId}/activities/{itemId}',
      'DELETE /api/v1/projects/{projectId}/expenses/{expenseId}',
      'DELETE /api/v1/projects/{projectId}/expenses/{expenseId}/documents/{documentId}',
      'DELETE /api/v1/projects/{projectId}/indicators/{itemId}',
      'DELETE /api/v1/projects/{projectId}/logframe/{itemId}',
      'DELETE /api/v1/surveys/responses/{responseId}/flags/{flagId}',
      'POST /api/v1/auth/logout',
      'POST /api/v1/event-registrations/{id}/cancel',
      'POST /api/v1/events/{eventId}/certificates',
      'POST /api/v1/funding-calls/{callId}/versions/{versionId}/publish',
      'POST /api/v1/help-escalations/{escalationId}/acknowledge',
      'POST /api/v1/me/totp/setup',
      'POST /api/v1/plan-threads/{threadId}/close',
      'POST /api/v1/plan-threads/{threadId}/reopen',
      'POST /api/v1/projects/{projectId}/claims/{claimId}/new-version',
      'POST /api/v1/projects/{projectId}/revisori/{assignmentId}/revoke',
      'POST /api/v1/surveys/links/{linkId}/revoke',
      'POST /api/v1/surveys/responses/{responseId}/consolidate',
      'POST /api/v1/surveys/responses/{responseId}/review/start',
      'POST /api/v1/surveys/responses/{responseId}/validate',
      'POST /api/v1/surveys/versions/{versionId}/publish',
      'POST /api/v1/surveys/waves/{waveId}/close',
      'POST /api/v1/surveys/waves/{waveId}/launch',
      'POST /api/v1/surveys/waves/{waveId}/messages/dispatch',
      'POST /api/v1/users/{id}/totp/reset',
    ]);
  });

  for (const route of bodylessWrites) {
    it(`${route.method} ${route.path} refuses any body but none or {}, changing nothing`, async () => {
      const before = await fingerprint(t.db);
      for (const body of ['[1]', '{"a":1}', '"x"', '0', 'null', '[]']) {
        const res = await agent.request<Problem>(route.method, route.path, body);
        expect(res.status, body).toBe(400);
        expect(res.body.code, body).toBe('request.invalid');
        expect(
          res.body.errors?.map((e) => e.path),
          body,
        ).toEqual(['body']);
      }
      // 200,000 nested arrays: refused by the 64-byte limit of a body-less operation, never parsed
      const deep = await agent.request<Problem>(route.method, route.path, deepArray);
      expect(deep.status).toBe(413);
      expect(deep.body.code).toBe('request.too_large');
      expect(await fingerprint(t.db)).toEqual(before);
    });
  }

  it('still take no body, or {}', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    for (const body of [undefined, '{}', ' { } ']) {
      const a = new Agent(t.app);
      await a.login(u.email, TEST_PASSWORD);
      expect((await a.request('POST', '/api/v1/me/totp/setup', body)).status).toBe(200);
      expect((await a.request('POST', '/api/v1/auth/logout', body)).status).toBe(204);
      expect((await a.get('/api/v1/me')).status).toBe(401);
    }
  });
});

describe('a body nested 200,000 deep', () => {
  it('gets a 400 from an operation that takes a body, and the server carries on', async () => {
    const before = await fingerprint(t.db);
    for (const body of [deepArray, `{"displayName":${deepArray}}`]) {
      const res = await agent.request<Problem>('POST', '/api/v1/users', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('request.invalid');
    }
    expect(await fingerprint(t.db)).toEqual(before);
    expect((await agent.get('/api/v1/me')).status).toBe(200);
  });
});

describe('a body over the 1 MiB limit, over a real connection', () => {
  let base: { host: string; port: number };
  let csrf: { cookie: string; token: string };
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address() as AddressInfo;
    base = { host: '127.0.0.1', port: addr.port };
    // the login route needs the CSRF token before it reads a body at all
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
    const c = res.cookies.find((k) => k.name === 'incas-csrf')!;
    csrf = { cookie: `${c.name}=${c.value}`, token: res.json<{ token: string }>().token };
  });

  /**
   * Sends `size` bytes to the login route; resolves once the connection has closed, with the
   * answer (if one came) and every socket error seen on the way (a reset shows as ECONNRESET or EPIPE).
   */
  function send(
    size: number,
    chunked: boolean,
  ): Promise<{ status: number | null; headers: Json; body: string; errors: string[] }> {
    return new Promise((resolve) => {
      const answer = { status: null as number | null, headers: {} as Json, body: '', errors: [] as string[] };
      const req = request(
        {
          ...base,
          agent: false,
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: {
            'content-type': 'application/json',
            cookie: csrf.cookie,
            'x-csrf-token': csrf.token,
            ...(chunked ? {} : { 'content-length': String(size) }),
          },
        },
        (res) => {
          answer.status = res.statusCode!;
          answer.headers = res.headers;
          res.setEncoding('utf8');
          res.on('data', (c: string) => (answer.body += c));
          res.on('error', (e: NodeJS.ErrnoException) => answer.errors.push(e.code ?? e.message));
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => answer.errors.push(e.code ?? e.message));
      req.on('close', () => resolve(answer));
      // a JSON string, written in 64 KiB pieces as a client streaming a file would
      const piece = Buffer.alloc(65_536, 'a');
      let sent = 0;
      const write = () => {
        while (sent < size) {
          const n = Math.min(piece.length, size - sent);
          sent += n;
          if (!req.write(piece.subarray(0, n))) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
  }

  for (const chunked of [false, true]) {
    it(`answers 413 problem+json to a 10 MB body ${chunked ? 'sent chunked' : 'with its length'}, without resetting the connection`, async () => {
      const res = await send(10 * 1_048_576, chunked);
      expect(res.errors).toEqual([]);
      expect(res.status).toBe(413);
      expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({ status: 413, code: 'request.too_large' });
    });
  }
});

describe('file downloads in the OpenAPI document', () => {
  const downloads: [string, string][] = [
    ['/api/v1/pilot/pais/{paiId}/pdf', 'application/pdf'],
    ['/api/v1/pilot/persons/{personId}/access-package.pdf', 'application/pdf'],
    ['/api/v1/pilot/export/cases.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['/api/v1/pilot/comparative.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['/api/v1/pilot/import/template.csv', 'text/csv'],
    ['/api/v1/pilot/import/template.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['/api/v1/event-registrations/{registrationId}/certificate.pdf', 'application/pdf'],
    ['/api/v1/event-registrations/{registrationId}/qr.svg', 'image/svg+xml'],
  ];
  for (const [path, mediaType] of downloads) {
    it(`GET ${path} documents its 200 as ${mediaType}, a binary string`, () => {
      const ok = spec.paths[path]!.get!.responses['200'] as { content: Record<string, { schema: Json }> };
      expect(Object.keys(ok.content)).toEqual([mediaType]);
      expect(ok.content[mediaType]!.schema).toMatchObject({ type: 'string', format: 'binary' });
    });
  }

  it('and every operation documents a 2xx answer', () => {
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(
          Object.keys(op.responses).some((c) => c.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
  });
});
