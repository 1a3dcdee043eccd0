import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import type { Problem, Schema } from '../../../tests/support/schema.js';
import { auditRows, fingerprint, makeOrg, makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('logging in', () => {
  it('gives a session cookie and /me tells who, where and with which scope', async () => {
    const u = await makeUser(t.db, { roles: ['referente_comunale'] });
    const a = new Agent(t.app);
    const res = await a.login(u.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/incas-session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await a.get<Schema<'Me'>>('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(u.email);
    expect(me.body.roles).toEqual(['referente_comunale']);
    expect(me.body.scope).toMatchObject({ level: 'comune', comuneIstat: u.org.comuneIstat });
  });

  it('answers an unknown email and a wrong password alike, and audits both', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    const wrong = await a.login(u.email, 'not the password at all');
    const unknown = await a.login('nobody-here@test.incas.local', 'whatever password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect((wrong.body as { code: string }).code).toBe('auth.invalid_credentials');
    const rows = await auditRows(
      t.db,
      `action = 'auth.login' AND outcome = 'failure' AND details->>'reason' IN ('wrong_password', 'unknown_email')`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // the audit trail never stores the email typed or the password
    expect(JSON.stringify(rows)).not.toContain('nobody-here');
    expect(JSON.stringify(rows)).not.toContain('not the password');
  });

  it('locks an email after 10 failures for 15 minutes, even with the right password, known or not', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    for (let i = 0; i < 10; i++) expect((await a.login(u.email, `wrong-${i}`)).status).toBe(401);
    const locked = await a.login(u.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect((locked.body as { code: string }).code).toBe('auth.locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // an unknown email behaves the same, so lockout reveals nothing about who has an account
    for (let i = 0; i < 10; i++) await a.login('ghost@test.incas.local', `wrong-${i}`);
    expect((await a.login('ghost@test.incas.local', 'x')).status).toBe(429);
    t.clock.minutes(16);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('checks at most 10 passwords of an email however many arrive at once: 40 concurrent wrong ones lock it', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    await a.refreshCsrf();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => a.login(u.email, `wrong-${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    // only the 10 reserved attempts reached the password check and were audited as failures
    const failures = await auditRows(t.db, `action = 'auth.login' AND outcome = 'failure' AND actor_user_id = $1`, [
      u.id,
    ]);
    expect(failures).toHaveLength(10);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('refuses the right password after 10 concurrent wrong ones', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    await a.refreshCsrf();
    const wrong = await Promise.all(Array.from({ length: 10 }, (_, i) => a.login(u.email, `wrong-${i}`)));
    expect(wrong.map((r) => r.status)).toEqual(Array(10).fill(401));
    const right = await a.login(u.email, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect((right.body as { code: string }).code).toBe('auth.locked');
  });

  it('lets through at most 10 guesses of three bursts of 20 within two minutes', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    await a.refreshCsrf();
    const statuses: number[] = [];
    for (let burst = 0; burst < 3; burst++) {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => a.login(u.email, `w-${burst}-${i}`)));
      statuses.push(...answers.map((r) => r.status));
      t.clock.minutes(1);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(429);
    // the lock runs 15 minutes from the 10th guess, not from the last refused one
    t.clock.minutes(13);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('starts counting again after a successful login', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    for (let i = 0; i < 9; i++) expect((await a.login(u.email, `wrong-${i}`)).status).toBe(401);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await a.login(u.email, `wrong-${i}`)).status).toBe(401);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await a.login(u.email, `wrong-${i}`)).status).toBe(401);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'], status: 'disabled' });
    const res = await new Agent(t.app).login(u.email, TEST_PASSWORD);
    expect(res.status).toBe(401);
    expect((res.body as { code: string }).code).toBe('auth.invalid_credentials');
  });

  it('issues a new session token at login and revokes the one presented before (no fixation)', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    await a.login(u.email, TEST_PASSWORD);
    const first = a.sessionCookie()!;
    await a.login(u.email, TEST_PASSWORD);
    const second = a.sessionCookie()!;
    expect(second).not.toBe(first);
    const old = new Agent(t.app);
    old.cookies.set('incas-session', first);
    expect((await old.get('/api/v1/me')).status).toBe(401);
  });
});

describe('sessions', () => {
  it('logout ends the session on the server: the old cookie answers 401', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    await a.login(u.email, TEST_PASSWORD);
    const cookie = a.sessionCookie()!;
    expect((await a.post('/api/v1/auth/logout')).status).toBe(204);
    const replay = new Agent(t.app);
    replay.cookies.set('incas-session', cookie);
    expect((await replay.get('/api/v1/me')).status).toBe(401);
    const rows = await auditRows(t.db, `action = 'auth.logout' AND actor_user_id = $1`, [u.id]);
    expect(rows).toHaveLength(1);
  });

  it('expires after 30 idle minutes and after 10 hours in all', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    await a.login(u.email, TEST_PASSWORD);
    t.clock.minutes(29);
    expect((await a.get('/api/v1/me')).status).toBe(200);
    t.clock.minutes(31);
    expect((await a.get('/api/v1/me')).status).toBe(401);

    const b = new Agent(t.app);
    await b.login(u.email, TEST_PASSWORD);
    for (let i = 0; i < 21; i++) {
      t.clock.minutes(29);
      const r = await b.get('/api/v1/me');
      if (i < 20)
        expect(r.status).toBe(200); // 20 × 29 min = 9 h 40 min
      else expect(r.status).toBe(401); // 10 h 09 min
    }
  });

  it('disabling a user ends every session of theirs at once', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const victim = new Agent(t.app);
    await victim.login(u.email, TEST_PASSWORD);
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    const res = await a.patch(`/api/v1/users/${u.id}`, { status: 'disabled' });
    expect(res.status).toBe(200);
    expect((await victim.get('/api/v1/me')).status).toBe(401);
    expect((await new Agent(t.app).login(u.email, TEST_PASSWORD)).status).toBe(401);
  });

  it('a password change ends the other sessions but keeps the current one', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const other = new Agent(t.app);
    await other.login(u.email, TEST_PASSWORD);
    const a = new Agent(t.app);
    await a.login(u.email, TEST_PASSWORD);
    const bad = await a.post('/api/v1/me/password', { currentPassword: 'wrong', newPassword: 'a brand new password' });
    expect(bad.status).toBe(400);
    const ok = await a.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(ok.status).toBe(204);
    expect((await a.get('/api/v1/me')).status).toBe(200);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await new Agent(t.app).login(u.email, 'a brand new password')).status).toBe(200);
  });
});

describe('CSRF and origin', () => {
  it('refuses a state-changing request without the token, and changes nothing', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    const before = await fingerprint(t.db);
    const res = await a.request('PATCH', '/api/v1/comuni/001001', { saiNetwork: true }, { csrf: false });
    expect(res.status).toBe(403);
    expect((res.body as { code: string }).code).toBe('csrf.invalid');
    const forged = await a.request(
      'PATCH',
      '/api/v1/comuni/001001',
      { saiNetwork: true },
      { csrf: false, headers: { 'x-csrf-token': 'forged' } },
    );
    expect(forged.status).toBe(403);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('refuses cross-site requests and text/plain "simple" posts', async () => {
    const a = new Agent(t.app);
    const cross = await a.request(
      'POST',
      '/api/v1/auth/login',
      { email: 'a@b.it', password: 'x' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(cross.status).toBe(403);
    expect((cross.body as { code: string }).code).toBe('origin.invalid');
    const plain = await a.request('POST', '/api/v1/auth/login', 'email=a', {
      headers: { 'content-type': 'text/plain' },
    });
    expect([403, 415]).toContain(plain.status);
  });
});

describe('API hygiene', () => {
  it('answers problem+json with every invalid field and no-store on the API', async () => {
    const a = new Agent(t.app);
    const res = await a.post<{ code: string; errors: { path: string }[] }>('/api/v1/auth/login', {
      email: 'not-an-email',
      totp: '12',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('request.invalid');
    const paths = res.body.errors.map((e) => e.path).sort();
    expect(paths).toEqual(['body.email', 'body.password', 'body.totp']);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('rejects prototype pollution attempts with 400', async () => {
    const a = new Agent(t.app);
    const res = await a.post('/api/v1/auth/login', '{"email":"a@b.it","password":"x","__proto__":{"admin":true}}');
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('takes a PATCH body as a JSON merge patch (RFC 7396)', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const org = await makeOrg(t.db);
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    const res = await a.request<{ name: string }>(
      'PATCH',
      `/api/v1/organisations/${org.id}`,
      { name: 'Rinominata con merge patch' },
      { headers: { 'content-type': 'application/merge-patch+json' } },
    );
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Rinominata con merge patch');
  });

  it('still takes a PATCH body sent as application/json, for older clients', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const org = await makeOrg(t.db);
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    const res = await a.request<{ name: string }>(
      'PATCH',
      `/api/v1/organisations/${org.id}`,
      { name: 'Rinominata in JSON' },
      { headers: { 'content-type': 'application/json' } },
    );
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Rinominata in JSON');
  });

  it('answers 415 to a merge patch sent with any method but PATCH', async () => {
    const a = new Agent(t.app);
    const res = await a.request<{ code: string }>(
      'POST',
      '/api/v1/auth/login',
      { email: 'a@b.it', password: 'x' },
      { headers: { 'content-type': 'application/merge-patch+json' } },
    );
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('request.unsupported_media_type');
  });

  it('rejects prototype pollution in a merge patch with 400, changing nothing', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const org = await makeOrg(t.db);
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    const before = await fingerprint(t.db);
    const res = await a.patch(`/api/v1/organisations/${org.id}`, '{"name":"Nuovo nome","__proto__":{"admin":true}}');
    expect(res.status).toBe(400);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('answers 401 on every non-public API route without a session', async () => {
    const a = new Agent(t.app);
    for (const url of [
      '/api/v1/me',
      '/api/v1/comuni',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/organisations',
      '/api/v1/regions',
    ]) {
      const r = await a.get<Problem>(url);
      expect(r.status, url).toBe(401);
      expect(r.body.code).toBe('auth.required');
    }
    expect((await a.get('/api/health')).status).toBe(200);
    expect((await a.get('/api/v1/auth/info')).status).toBe(200);
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const r = await new Agent(t.app).get<Problem>('/api/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('route.not_found');
  });
});
