/**
 * Issue 9 (decision 0024): a 401 says why the session ended; a password set by an administrator
 * is changed before anything else; the administrator resets a second factor; the roles offered
 * follow the organisation's type; organisations' PEC, tax code, address and active flag.
 */
import { generate, generateSecret } from 'otplib';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import type { Problem, Schema } from '../../../tests/support/schema.js';
import { auditRows, makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../../../tests/support/factories.js';
import { loginAs, makeCase, makePilotComune } from '../../../tests/support/pilot-factories.js';

let t: TestApp;
let admin: Agent;
let adminUser: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  adminUser = await makeUser(t.db, { roles: ['amministratore'] });
});
// the tests move the clock by hours: a fresh administrator's session for each
beforeEach(async () => {
  admin = await loginAs(t, adminUser);
});
afterAll(async () => t.close());

const codeAt = (secret: string, now: Date) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

async function codeOf(agent: Agent, url = '/api/v1/me'): Promise<string> {
  const res = await agent.get<Problem>(url);
  expect(res.status).toBe(401);
  return res.body.code;
}

describe('a 401 says why the session ended', () => {
  it('answers auth.required without a cookie, and a code per ending reason with one', async () => {
    expect(await codeOf(new Agent(t.app))).toBe('auth.required');

    const u = await makeUser(t.db, { roles: ['operatore'] });
    // idle (30 minutes) and absolute (10 hours) timeouts
    const idle = await loginAs(t, u);
    t.clock.minutes(31);
    expect(await codeOf(idle)).toBe('auth.session_idle');
    expect(await codeOf(idle, '/api/v1/comuni?q=roma')).toBe('auth.session_idle');
    const long = await loginAs(t, u);
    for (let i = 0; i < 20; i++) {
      t.clock.minutes(29);
      expect((await long.get('/api/v1/me')).status).toBe(200);
    }
    t.clock.minutes(29);
    expect(await codeOf(long)).toBe('auth.session_expired');

    // logged out (in another tab: the same cookie)
    const tabA = await loginAs(t, u);
    const tabB = new Agent(t.app);
    tabB.cookies.set('incas-session', tabA.sessionCookie()!);
    expect((await tabA.post('/api/v1/auth/logout')).status).toBe(204);
    expect(await codeOf(tabB)).toBe('auth.session_logged_out');

    // roles changed, password reset, account disabled: by the administrator
    admin = await loginAs(t, adminUser);
    const roles = await loginAs(t, u);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { roles: ['operatore'] })).status).toBe(200);
    expect(await codeOf(roles)).toBe('auth.session_roles_changed');
    const reset = await loginAs(t, u);
    expect((await admin.post(`/api/v1/users/${u.id}/password`, { newPassword: TEST_PASSWORD })).status).toBe(204);
    expect(await codeOf(reset)).toBe('auth.session_credentials_changed');
    await t.db.ownerTx((tx) => tx.query('UPDATE users SET must_change_password = false WHERE id = $1', [u.id]));
    const disabled = await loginAs(t, u);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { status: 'disabled' })).status).toBe(200);
    expect(await codeOf(disabled)).toBe('auth.session_account_disabled');

    // a session row that is gone (purged, or deleted by hand)
    const v = await makeUser(t.db, { roles: ['operatore'] });
    const gone = await loginAs(t, v);
    await t.db.ownerTx((tx) => tx.query('DELETE FROM sessions WHERE user_id = $1', [v.id]));
    expect(await codeOf(gone)).toBe('auth.session_ended');
  });
});

describe('a password set by an administrator', () => {
  it('must be changed at the first login before anything else', async () => {
    const org = await makeOrg(t.db, { type: 'comune' });
    const created = await admin.post<Schema<'User'>>('/api/v1/users', {
      email: `nuovo.${randomUUID().slice(0, 8)}@example.it`,
      displayName: 'Nuovo Referente',
      organisationId: org.id,
      roles: ['referente_comunale'],
      password: 'set by the administrator',
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);

    const a = new Agent(t.app);
    const login = await a.login(created.body.email, 'set by the administrator');
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
    expect((await a.get<Schema<'Me'>>('/api/v1/me')).body.mustChangePassword).toBe(true);
    const blocked = await a.get<Problem>('/api/v1/comuni?q=roma');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('auth.password_change_required');
    expect((await a.post<Problem>('/api/v1/me/totp/setup')).body.code).toBe('auth.password_change_required');
    // the same password again is not a change
    const same = await a.post<Problem>('/api/v1/me/password', {
      currentPassword: 'set by the administrator',
      newPassword: 'set by the administrator',
    });
    expect(same.status).toBe(400);
    expect(same.body.errors?.[0]?.path).toBe('body.newPassword');
    const changed = await a.post('/api/v1/me/password', {
      currentPassword: 'set by the administrator',
      newPassword: 'chosen by the referente',
    });
    expect(changed.status).toBe(204);
    const me = (await a.get<Schema<'Me'>>('/api/v1/me')).body;
    expect(me).toMatchObject({ mustChangePassword: false, mustEnrolTotp: true });
    // then the second factor its role requires, before anything else
    expect((await a.get<Problem>('/api/v1/comuni?q=roma')).body.code).toBe('auth.totp_enrolment_required');
    const audit = await auditRows(t.db, `action = 'user.password_change' AND entity_id = $1`, [created.body.id]);
    expect(audit[0]?.details).toMatchObject({ setByAdministrator: true });

    // a reset by the administrator asks for a change again
    expect(
      (await admin.post(`/api/v1/users/${created.body.id}/password`, { newPassword: 'reset by the administrator' }))
        .status,
    ).toBe(204);
    const again = new Agent(t.app);
    expect((await again.login(created.body.email, 'reset by the administrator')).body.mustChangePassword).toBe(true);
    expect((await again.get<Problem>('/api/v1/comuni?q=roma')).body.code).toBe('auth.password_change_required');
    expect((await admin.get<Schema<'User'>>(`/api/v1/users/${created.body.id}`)).body.mustChangePassword).toBe(true);
  });
});

describe('second factor reset', () => {
  it('is audited, ends the sessions and makes the user enrol again at the next login', async () => {
    const secret = generateSecret();
    // not a demo account: its role requires TOTP even in demo mode
    const u = await makeUser(t.db, { roles: ['operatore'], totpSecret: secret });
    t.clock.advance(31_000);
    const a = new Agent(t.app);
    expect((await a.login(u.email, TEST_PASSWORD)).body).toMatchObject({ code: 'auth.totp_required' });
    expect((await a.login(u.email, TEST_PASSWORD, await codeAt(secret, t.clock.now()))).status).toBe(200);

    const op = await loginAs(t, await makeUser(t.db, { roles: ['operatore'] }));
    expect((await op.post(`/api/v1/users/${u.id}/totp/reset`)).status).toBe(403);
    expect((await admin.post(`/api/v1/users/${randomUUID()}/totp/reset`)).status).toBe(404);
    expect((await admin.post<Problem>(`/api/v1/users/${adminUser.id}/totp/reset`)).body.code).toBe(
      'user.cannot_reset_own_totp',
    );
    expect((await admin.post(`/api/v1/users/${u.id}/totp/reset`)).status).toBe(204);
    const rows = await auditRows(t.db, `action = 'user.totp_reset' AND entity_id = $1`, [u.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: adminUser.id, tenant_comune: u.org.comuneIstat });
    expect(rows[0]!.details).toMatchObject({ wasEnabled: true, sessionsEnded: 1 });
    expect(await codeOf(a)).toBe('auth.session_credentials_changed');
    expect((await admin.get<Schema<'User'>>(`/api/v1/users/${u.id}`)).body.totpEnabled).toBe(false);

    // no code asked any more, but enrolment comes before anything else
    const b = new Agent(t.app);
    expect((await b.login(u.email, TEST_PASSWORD)).body.mustEnrolTotp).toBe(true);
    expect((await b.get<Problem>('/api/v1/comuni?q=roma')).body.code).toBe('auth.totp_enrolment_required');
    const setup = await b.post<{ secret: string }>('/api/v1/me/totp/setup');
    expect(setup.status).toBe(200);
    t.clock.advance(31_000);
    expect(
      (await b.post('/api/v1/me/totp/confirm', { code: await codeAt(setup.body.secret, t.clock.now()) })).status,
    ).toBe(204);
    expect((await b.get('/api/v1/comuni?q=roma')).status).toBe(200);
  });
});

describe('roles by organisation type', () => {
  it('offers only the roles the organisation can hold, and refuses the others', async () => {
    const comune = await makeOrg(t.db, { type: 'comune' });
    const ente = await makeOrg(t.db, { type: 'ente_gestore' });
    const anci = await makeOrg(t.db, { type: 'anci' });
    const offered = async (id: string) =>
      (await admin.get<Schema<'AllowedRoles'>>(`/api/v1/users/allowed-roles?organisationId=${id}`)).body;
    expect(await offered(comune.id)).toMatchObject({
      organisationType: 'comune',
      comuneBound: true,
      active: true,
      roles: [
        'operatore',
        'referente_comunale',
        'responsabile_amministrativo',
        'compilatore_indagine',
        'validatore_indagine',
      ],
    });
    expect((await offered(ente.id)).roles).toEqual(['operatore']);
    expect((await offered(anci.id)).roles).toEqual(['assistenza_tecnica', 'amministratore']);
    expect((await admin.get(`/api/v1/users/allowed-roles?organisationId=${randomUUID()}`)).status).toBe(404);
    const op = await loginAs(t, await makeUser(t.db, { roles: ['operatore'] }));
    expect((await op.get(`/api/v1/users/allowed-roles?organisationId=${comune.id}`)).status).toBe(403);

    const refused = await admin.post<Problem>('/api/v1/users', {
      email: `ente.${randomUUID().slice(0, 8)}@example.it`,
      displayName: 'Ente',
      organisationId: ente.id,
      roles: ['referente_comunale'],
      password: 'a long enough password',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('user.role_not_allowed');
  });
});

describe('organisation details and active flag', () => {
  it('validates PEC and tax code (check digit), stores the address, clears with null', async () => {
    const base = { type: 'anci', name: 'ANCI di prova' };
    const bad = await admin.post<Problem>('/api/v1/organisations', {
      ...base,
      pec: 'non-una-pec',
      taxCode: '80118510588',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['body.pec', 'body.taxCode']);
    expect((await admin.post('/api/v1/organisations', { ...base, taxCode: '8011851058' })).status).toBe(400);
    expect((await admin.post('/api/v1/organisations', { ...base, taxCode: '00000000000' })).status).toBe(400);

    const made = await admin.post<Schema<'OrganisationDetail'>>('/api/v1/organisations', {
      ...base,
      pec: ' Protocollo@PEC.Anci.it ',
      taxCode: '80118510587',
      address: 'Via dei Prefetti 46, 00186 Roma',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      pec: 'protocollo@pec.anci.it',
      taxCode: '80118510587',
      address: 'Via dei Prefetti 46, 00186 Roma',
      active: true,
    });
    const patched = await admin.patch<Schema<'OrganisationDetail'>>(`/api/v1/organisations/${made.body.id}`, {
      pec: null,
      taxCode: '01205811084',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      pec: null,
      taxCode: '01205811084',
      address: 'Via dei Prefetti 46, 00186 Roma',
    });
    const rows = await auditRows(t.db, `action = 'organisation.update' AND entity_id = $1`, [made.body.id]);
    expect(rows[0]!.details).toEqual({ fields: ['pec', 'taxCode'] });
  });

  it('an inactive organisation gets no new accounts nor partners; its accounts keep working', async () => {
    const comune = await makePilotComune(t.db);
    const operatore = await loginAs(t, comune.operatore);
    const off = await admin.patch<Schema<'OrganisationDetail'>>(`/api/v1/organisations/${comune.enteOrg.id}`, {
      active: false,
    });
    expect(off.body.active).toBe(false);
    expect(
      await auditRows(t.db, `action = 'organisation.deactivate' AND entity_id = $1`, [comune.enteOrg.id]),
    ).toHaveLength(1);
    // existing accounts keep working (decision 0024)
    expect((await operatore.get('/api/v1/me')).status).toBe(200);
    // no new account
    const refused = await admin.post<Problem>('/api/v1/users', {
      email: `op.${randomUUID().slice(0, 8)}@example.it`,
      displayName: 'Operatore',
      organisationId: comune.enteOrg.id,
      roles: ['operatore'],
      password: 'a long enough password',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('organisation.inactive');
    expect(
      (await admin.get<Schema<'AllowedRoles'>>(`/api/v1/users/allowed-roles?organisationId=${comune.enteOrg.id}`)).body
        .active,
    ).toBe(false);
    // not listed among the active ones
    const active = await admin.get<Schema<'OrganisationPage'>>(
      `/api/v1/organisations?comune=${comune.istat}&active=true`,
    );
    expect(active.body.items.map((o) => o.id)).toEqual([comune.comuneOrg.id]);
    // not chosen as a partner (a measure's provider)
    const kase = await makeCase(t.db, t.cipher, { comune, status: 'ammesso_misure' });
    const pai = await operatore.post<{ id: string }>(`/api/v1/pilot/cases/${kase.caseId}/pais`, {
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
    const url = `/api/v1/pilot/pais/${pai.body.id}/measures`;
    const partner = await operatore.post<Problem>(url, { ...measure, providerOrgId: comune.enteOrg.id });
    expect(partner.status).toBe(400);
    expect(partner.body.errors?.[0]?.path).toBe('body.providerOrgId');
    expect((await admin.patch(`/api/v1/organisations/${comune.enteOrg.id}`, { active: true })).status).toBe(200);
    expect((await operatore.post(url, { ...measure, providerOrgId: comune.enteOrg.id })).status).toBe(201);
  });
});
