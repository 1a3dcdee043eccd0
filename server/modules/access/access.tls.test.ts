import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import { makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';

let t: TestApp;
beforeAll(async () => {
  // served behind TLS, as in production: Secure cookies, __Host- prefix, HSTS, no API docs
  t = await startTestApp({ INCAS_SECURE_COOKIES: 'true', INCAS_API_DOCS: 'false' });
});
afterAll(async () => t.close());

describe('behind TLS', () => {
  it('sets __Host- cookies with Secure, HttpOnly and SameSite, and sends HSTS', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'] });
    const a = new Agent(t.app);
    const res = await a.login(u.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('__Host-incas-session='));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/Domain=/i);
    expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=31536000/);
    const csrfCookie = [...a.cookies.keys()].find((k) => k.startsWith('__Host-incas-csrf'));
    expect(csrfCookie).toBeDefined();
    const me = await a.get('/api/v1/me');
    expect(me.status).toBe(200);
  });

  it('keeps the interactive API docs closed when configured off', async () => {
    expect((await new Agent(t.app).get('/api/docs')).status).toBe(404);
  });
});
