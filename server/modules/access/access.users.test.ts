import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import {
  auditRows,
  fingerprint,
  makeOrg,
  makeUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../../tests/support/factories.js';

let t: TestApp;
let admin: Agent;
let adminUser: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  adminUser = await makeUser(t.db, { roles: ['amministratore'] });
  admin = new Agent(t.app);
  await admin.login(adminUser.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('user administration', () => {
  it('GET /users/:id answers 401 → 400 → 404 → 403 → 200', async () => {
    const someone = await makeUser(t.db, { roles: ['operatore'] });
    expect((await new Agent(t.app).get(`/api/v1/users/${someone.id}`)).status).toBe(401);
    expect((await admin.get('/api/v1/users/not-a-uuid')).status).toBe(400);
    expect((await admin.get(`/api/v1/users/${randomUUID()}`)).status).toBe(404);
    const op = new Agent(t.app);
    await op.login(someone.email, TEST_PASSWORD);
    expect((await op.get(`/api/v1/users/${someone.id}`)).status).toBe(403);
    const ok = await admin.get<{ email: string; roles: string[] }>(`/api/v1/users/${someone.id}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: someone.email, roles: ['operatore'] });
  });

  it('creates an account with its audit row in the same transaction', async () => {
    const org = await makeOrg(t.db, { type: 'comune' });
    const res = await admin.post<{ id: string; roles: string[]; status: string }>('/api/v1/users', {
      email: 'Nuova.Referente@Example.it',
      displayName: 'Nuova Referente',
      organisationId: org.id,
      roles: ['referente_comunale'],
      password: 'a long enough password',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ roles: ['referente_comunale'], status: 'active' });
    const rows = await auditRows(t.db, `action = 'user.create' AND entity_id = $1`, [res.body.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_comune: org.comuneIstat, actor_user_id: adminUser.id });
    // the new person can log in with the email in any case
    expect((await new Agent(t.app).login('nuova.referente@example.it', 'a long enough password')).status).toBe(200);
  });

  it('refuses a taken email, a role the organisation cannot hold and extra fields, writing nothing', async () => {
    const org = await makeOrg(t.db, { type: 'comune' });
    const existing = await makeUser(t.db, { roles: ['operatore'] });
    const before = await fingerprint(t.db);
    const taken = await admin.post<{ code: string }>('/api/v1/users', {
      email: existing.email,
      displayName: 'X',
      organisationId: org.id,
      roles: ['operatore'],
      password: 'a long enough password',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('user.email_taken');
    const wrongRole = await admin.post<{ code: string; errors: { path: string }[] }>('/api/v1/users', {
      email: 'mlps.in.comune@example.it',
      displayName: 'X',
      organisationId: org.id,
      roles: ['mlps'],
      password: 'a long enough password',
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.code).toBe('user.role_not_allowed');
    expect(wrongRole.body.errors[0]!.path).toBe('body.roles');
    const massAssign = await admin.post('/api/v1/users', {
      email: 'sneaky@example.it',
      displayName: 'X',
      organisationId: org.id,
      roles: ['operatore'],
      password: 'a long enough password',
      status: 'active',
      isDemo: true,
      id: randomUUID(),
    });
    expect(massAssign.status).toBe(400);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('changing roles ends the sessions that carried the old ones', async () => {
    const u = await makeUser(t.db, { roles: ['referente_comunale'] });
    const a = new Agent(t.app);
    await a.login(u.email, TEST_PASSWORD);
    const res = await admin.patch<{ roles: string[] }>(`/api/v1/users/${u.id}`, {
      roles: ['responsabile_amministrativo'],
    });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['responsabile_amministrativo']);
    expect((await a.get('/api/v1/me')).status).toBe(401);
  });

  it('lets the administrator re-enable a user but not disable themselves', async () => {
    const u = await makeUser(t.db, { roles: ['operatore'], status: 'disabled' });
    const res = await admin.patch<{ status: string }>(`/api/v1/users/${u.id}`, { status: 'active' });
    expect(res.body.status).toBe('active');
    expect(await auditRows(t.db, `action = 'user.enable' AND entity_id = $1`, [u.id])).toHaveLength(1);
    const self = await admin.patch<{ code: string }>(`/api/v1/users/${adminUser.id}`, { status: 'disabled' });
    expect(self.status).toBe(409);
  });

  it('lists and searches accounts with paging', async () => {
    const org = await makeOrg(t.db, { type: 'comune' });
    for (let i = 0; i < 3; i++) await makeUser(t.db, { roles: ['responsabile_amministrativo'], org });
    const page = await admin.get<{ items: { organisationId: string }[]; total: number; pageSize: number }>(
      `/api/v1/users?organisationId=${org.id}&pageSize=2`,
    );
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const second = await admin.get<{ items: unknown[] }>(`/api/v1/users?organisationId=${org.id}&pageSize=2&page=2`);
    expect(second.body.items).toHaveLength(1);
    const byRole = await admin.get<{ items: { roles: string[] }[] }>('/api/v1/users?role=amministratore');
    expect(byRole.body.items.every((u) => u.roles.includes('amministratore'))).toBe(true);
  });

  it('denies every administration route to the other roles', async () => {
    for (const role of ['operatore', 'referente_comunale', 'regione', 'mlps', 'assistenza_tecnica'] as const) {
      const u = await makeUser(t.db, { roles: [role] });
      const a = new Agent(t.app);
      await a.login(u.email, TEST_PASSWORD);
      expect((await a.get('/api/v1/users')).status, role).toBe(403);
      expect(
        (
          await a.post('/api/v1/users', {
            email: `x.${role}@example.it`,
            displayName: 'X',
            organisationId: u.org.id,
            roles: ['operatore'],
            password: 'a long enough password',
          })
        ).status,
        role,
      ).toBe(403);
      expect(
        (await a.post(`/api/v1/users/${u.id}/password`, { newPassword: 'a long enough password' })).status,
        role,
      ).toBe(403);
    }
  });
});
