import { generate, generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import type { Problem, Schema } from '../../../tests/support/schema.js';
import { makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';
import { sealLegacyTotpSecrets } from './access.credentials.js';

let t: TestApp;
beforeAll(async () => {
  // outside demo mode: the second factor is mandatory for roles that see personal data
  t = await startTestApp({ INCAS_DEMO: 'false' });
});
afterAll(async () => t.close());

const codeAt = (secret: string, now: Date) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

describe('second factor (TOTP)', () => {
  it('makes an operatore enrol before anything else, then asks for a code at every login, once per code', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'], isDemo: false });
    const a = new Agent(t.app);
    expect((await a.login(u.email, TEST_PASSWORD)).status).toBe(200);
    const me = await a.get<Schema<'Me'>>('/api/v1/me');
    expect(me.body.mustEnrolTotp).toBe(true);
    const blocked = await a.get<Problem>('/api/v1/comuni?q=roma');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('auth.totp_enrolment_required');

    const setup = await a.post<{ secret: string; otpauthUrl: string; qrSvg: string }>('/api/v1/me/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.qrSvg).toContain('<svg');
    const wrong = await a.post('/api/v1/me/totp/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    const ok = await a.post('/api/v1/me/totp/confirm', { code: await codeAt(setup.body.secret, t.clock.now()) });
    expect(ok.status).toBe(204);
    expect((await a.get('/api/v1/comuni?q=roma')).status).toBe(200);
    // the secret is stored encrypted, bound to the user
    const [stored] = await t.db.ownerTx((tx) =>
      tx.query<{ totp_secret: string }>('SELECT totp_secret FROM users WHERE id = $1', [u.id]),
    );
    expect(stored!.totp_secret.startsWith('v1:')).toBe(true);
    expect(stored!.totp_secret).not.toContain(setup.body.secret);

    // a new login needs the code; password alone is not enough
    t.clock.advance(31_000);
    const b = new Agent(t.app);
    const noCode = await b.login(u.email, TEST_PASSWORD);
    expect(noCode.status).toBe(401);
    expect((noCode.body as { code: string }).code).toBe('auth.totp_required');
    expect(b.sessionCookie()).toBeUndefined();
    const code = await codeAt(setup.body.secret, t.clock.now());
    expect((await b.login(u.email, TEST_PASSWORD, code)).status).toBe(200);
    // the same code a second time is refused (replay)
    const replay = await new Agent(t.app).login(u.email, TEST_PASSWORD, code);
    expect(replay.status).toBe(401);
    expect((replay.body as { code: string }).code).toBe('auth.totp_invalid');
  });

  it('encrypts secrets stored in clear by an earlier release, and they keep working', async () => {
    const secret = generateSecret();
    const u = await makeUser(t.db, { roles: ['referente_comunale'], totpSecret: secret, isDemo: false });
    const login = async () => new Agent(t.app).login(u.email, TEST_PASSWORD, await codeAt(secret, t.clock.now()));
    expect((await login()).status).toBe(200);
    expect(await sealLegacyTotpSecrets(t.db, t.cipher)).toBeGreaterThanOrEqual(1);
    expect(await sealLegacyTotpSecrets(t.db, t.cipher)).toBe(0);
    const [stored] = await t.db.ownerTx((tx) =>
      tx.query<{ totp_secret: string }>('SELECT totp_secret FROM users WHERE id = $1', [u.id]),
    );
    expect(stored!.totp_secret.startsWith('v1:')).toBe(true);
    t.clock.advance(31_000);
    expect((await login()).status).toBe(200);
  });

  it('does not require a second factor of roles that never see personal data', async () => {
    const u = await makeUser(t.db, { roles: ['responsabile_amministrativo'], isDemo: false });
    const a = new Agent(t.app);
    await a.login(u.email, TEST_PASSWORD);
    const me = await a.get<Schema<'Me'>>('/api/v1/me');
    expect(me.body.mustEnrolTotp).toBe(false);
    expect((await a.get('/api/v1/comuni?q=roma')).status).toBe(200);
  });

  it('keeps demo accounts out when demo mode is off', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'], isDemo: true });
    const res = await new Agent(t.app).login(u.email, TEST_PASSWORD);
    expect(res.status).toBe(401);
  });

  it('a password reset by the administrator does not bypass the second factor', async () => {
    const secret = generateSecret();
    const admin = await makeUser(t.db, { roles: ['amministratore'], totpSecret: secret });
    const u = await makeUser(t.db, { roles: ['operatore'], totpSecret: generateSecret() });
    t.clock.advance(31_000);
    const a = new Agent(t.app);
    expect((await a.login(admin.email, TEST_PASSWORD, await codeAt(secret, t.clock.now()))).status).toBe(200);
    expect((await a.post(`/api/v1/users/${u.id}/password`, { newPassword: 'reset by the admin 1' })).status).toBe(204);
    const res = await new Agent(t.app).login(u.email, 'reset by the admin 1');
    expect((res.body as { code: string }).code).toBe('auth.totp_required');
  });
});
