import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import { auditRows, makeOrg, makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';
import { systemClock } from '../../platform/context.js';
import type { AuditAction } from '../../platform/audit-actions.js';
import { recordAudit } from './audit.service.js';

interface Entry {
  action: string;
  tenantComune: string | null;
  entityId: string | null;
}

// Test-only actions, declared by no module: cast here so that no production code can write them.
const TEST_EVENT = 'test.event' as AuditAction;
const TEST_FORGED = 'test.forged' as AuditAction;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const comuneAccess = (tenant: string) => ({ scope: 'comune' as const, tenant, region: null, userId: null });
const auditCtx = { actor: null, clock: systemClock, requestId: 'test' };

describe('tenancy enforced by PostgreSQL row-level security', () => {
  it("a Comune reads none of another Comune's rows and cannot write rows for it", async () => {
    const [a, b] = [await makeOrg(t.db), await makeOrg(t.db)];
    await t.db.tx({ scope: 'platform', tenant: null, region: null, userId: null }, async (tx) => {
      await recordAudit(tx, auditCtx, { action: TEST_EVENT, tenantComune: a.comuneIstat });
      await recordAudit(tx, auditCtx, { action: TEST_EVENT, tenantComune: b.comuneIstat });
    });
    const seenByA = await t.db.tx(comuneAccess(a.comuneIstat!), (tx) =>
      tx.query<{ tenant_comune: string }>(`SELECT tenant_comune FROM audit_log WHERE action = 'test.event'`),
    );
    expect(seenByA.map((r) => r.tenant_comune)).toEqual([a.comuneIstat]);
    // even asking for B by name returns nothing
    const aboutB = await t.db.tx(comuneAccess(a.comuneIstat!), (tx) =>
      tx.query('SELECT * FROM audit_log WHERE tenant_comune = $1', [b.comuneIstat]),
    );
    expect(aboutB).toEqual([]);
    await expect(
      t.db.tx(comuneAccess(a.comuneIstat!), (tx) =>
        recordAudit(tx, auditCtx, { action: TEST_FORGED, tenantComune: b.comuneIstat }),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await auditRows(t.db, `action = 'test.forged'`)).toEqual([]);
  });

  it('queries run as the unprivileged application role, which cannot change or erase the trail', async () => {
    const role = await t.db.tx(comuneAccess('001001'), (tx) =>
      tx.query<{ who: string; su: boolean; bypass: boolean }>(
        `SELECT current_user AS who, r.rolsuper AS su, r.rolbypassrls AS bypass FROM pg_roles r WHERE r.rolname = current_user`,
      ),
    );
    expect(role[0]).toEqual({ who: 'incas_app', su: false, bypass: false });
    for (const sql of ["UPDATE audit_log SET action = 'x.y'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      await expect(
        t.db.tx({ scope: 'system', tenant: null, region: null, userId: null }, (tx) => tx.query(sql)),
        sql,
      ).rejects.toThrow(/permission denied|append-only/);
    }
  });

  it('writes the audit row in the same transaction as the change: a rollback leaves neither', async () => {
    const before = await auditRows(t.db);
    await expect(
      t.db.tx({ scope: 'platform', tenant: null, region: null, userId: null }, async (tx) => {
        await tx.query(`UPDATE comuni SET sai_network = true WHERE istat_code = '001002'`);
        await recordAudit(tx, auditCtx, { action: 'comune.update', entityId: '001002' });
        throw new Error('the change fails after the audit row');
      }),
    ).rejects.toThrow('the change fails');
    expect(await auditRows(t.db)).toEqual(before);
    const [c] = await t.db.ownerTx((tx) =>
      tx.query<{ sai_network: boolean }>(`SELECT sai_network FROM comuni WHERE istat_code = '001002'`),
    );
    expect(c!.sai_network).toBe(false);
  });
});

describe('audit browsing', () => {
  it('shows the administrator everything, a referente only their Comune, and nobody else anything', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const ref = await makeUser(t.db, { roles: ['referente_comunale'] });
    const other = await makeOrg(t.db);
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    await a.patch(`/api/v1/comuni/${ref.org.comuneIstat}`, { saiNetwork: true });
    await a.patch(`/api/v1/comuni/${other.comuneIstat}`, { saiNetwork: true });

    const all = await a.get<{ items: Entry[] }>('/api/v1/audit?action=comune.update&pageSize=100');
    expect(all.body.items.map((e) => e.entityId)).toEqual(
      expect.arrayContaining([ref.org.comuneIstat, other.comuneIstat]),
    );

    const r = new Agent(t.app);
    await r.login(ref.email, TEST_PASSWORD);
    const mine = await r.get<{ items: Entry[]; total: number }>('/api/v1/audit?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((e) => e.tenantComune === ref.org.comuneIstat)).toBe(true);
    // asking for the other Comune explicitly still shows nothing
    const theirs = await r.get<{ total: number }>(`/api/v1/audit?tenantComune=${other.comuneIstat}`);
    expect(theirs.body.total).toBe(0);

    const op = await makeUser(t.db, { roles: ['operatore'] });
    const o = new Agent(t.app);
    await o.login(op.email, TEST_PASSWORD);
    expect((await o.get('/api/v1/audit')).status).toBe(403);
    expect((await r.get('/api/v1/audit/verify')).status).toBe(403);
  });

  it('filters by actor, entity, action and period', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    t.clock.minutes(1);
    const from = t.clock.now().toISOString();
    await a.patch('/api/v1/comuni/001003', { pilot18ter: true });
    const byActor = await a.get<{ items: Entry[] }>(
      `/api/v1/audit?actorUserId=${admin.id}&from=${encodeURIComponent(from)}`,
    );
    expect(byActor.body.items.map((e) => e.action)).toEqual(['comune.update']);
    const byEntity = await a.get<{ items: Entry[] }>('/api/v1/audit?entityType=comune&entityId=001003');
    expect(byEntity.body.items).toHaveLength(1);
    const before = await a.get<{ items: Entry[] }>(
      `/api/v1/audit?actorUserId=${admin.id}&to=${encodeURIComponent(from)}`,
    );
    expect(before.body.items.map((e) => e.action)).toEqual(['auth.login']);
    expect((await a.get('/api/v1/audit?from=yesterday')).status).toBe(400);
  });
});

describe("events of a Comune's own people", () => {
  it('belong to that Comune: its referente sees the logins of its staff, not those of other Comuni', async () => {
    const ref = await makeUser(t.db, { roles: ['referente_comunale'] });
    const colleague = await makeUser(t.db, { roles: ['responsabile_amministrativo'], org: ref.org });
    const stranger = await makeUser(t.db, { roles: ['referente_comunale'] });
    await new Agent(t.app).login(colleague.email, TEST_PASSWORD);
    await new Agent(t.app).login(colleague.email, 'wrong password');
    await new Agent(t.app).login(stranger.email, TEST_PASSWORD);
    const r = new Agent(t.app);
    await r.login(ref.email, TEST_PASSWORD);
    const seen = await r.get<{ items: { actorUserId: string | null; action: string; tenantComune: string }[] }>(
      '/api/v1/audit?action=auth.login&pageSize=100',
    );
    const actors = seen.body.items.map((e) => e.actorUserId);
    expect(actors.filter((a) => a === colleague.id)).toHaveLength(2);
    expect(actors).toContain(ref.id);
    expect(actors).not.toContain(stranger.id);
  });
});

describe('finding the authors and organisations of the trail by name, for the filters', () => {
  interface Actor {
    id: string;
    displayName: string;
    email: string;
    organisationName: string | null;
  }
  interface Org {
    id: string;
    name: string;
    type: string;
  }

  it('shows the administrator every author, a referente only the authors of their Comune, nobody else anything', async () => {
    const tag = randomBytes(4).toString('hex');
    const ownOrg = await makeOrg(t.db, { name: `Comune proprio ${tag.toUpperCase()}` });
    const ref = await makeUser(t.db, { roles: ['referente_comunale'], org: ownOrg, displayName: `Referente ${tag}` });
    const colleague = await makeUser(t.db, {
      roles: ['responsabile_amministrativo'],
      org: ref.org,
      displayName: `Giulia Rossetti ${tag}`,
    });
    const strangerOrg = await makeOrg(t.db, { name: `Comune straniero ${tag}` });
    const stranger = await makeUser(t.db, {
      roles: ['referente_comunale'],
      org: strangerOrg,
      displayName: `Giulia Bianchini ${tag}`,
    });
    // never signed in: in no row of the trail
    await makeUser(t.db, {
      roles: ['responsabile_amministrativo'],
      org: ref.org,
      displayName: `Giulia Silente ${tag}`,
    });
    await new Agent(t.app).login(colleague.email, TEST_PASSWORD);
    await new Agent(t.app).login(stranger.email, TEST_PASSWORD);
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    const r = new Agent(t.app);
    await r.login(ref.email, TEST_PASSWORD);

    const byAdmin = await a.get<{ items: Actor[] }>(`/api/v1/audit/actors?q=${tag}`);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.items.map((u) => u.displayName).sort()).toEqual(
      [`Giulia Bianchini ${tag}`, `Giulia Rossetti ${tag}`, `Referente ${tag}`].sort(),
    );
    expect(byAdmin.body.items.find((u) => u.id === colleague.id)).toEqual({
      id: colleague.id,
      displayName: `Giulia Rossetti ${tag}`,
      email: colleague.email,
      organisationName: `Comune proprio ${tag.toUpperCase()}`,
    });
    // by part of the e-mail too, case-insensitive
    const byEmail = await a.get<{ items: Actor[] }>(
      `/api/v1/audit/actors?q=${encodeURIComponent(stranger.email.slice(0, 24).toUpperCase())}`,
    );
    expect(byEmail.body.items.map((u) => u.id)).toEqual([stranger.id]);

    const byRef = await r.get<{ items: Actor[] }>(`/api/v1/audit/actors?q=Giulia%20R`);
    expect(byRef.body.items.map((u) => u.id)).toContain(colleague.id);
    const refAll = await r.get<{ items: Actor[] }>(`/api/v1/audit/actors?q=${tag}`);
    expect(refAll.body.items.map((u) => u.id).sort()).toEqual([colleague.id, ref.id].sort());
    // the stranger exists and signed in, but in another Comune's rows: not even by id
    expect((await r.get<{ items: Actor[] }>(`/api/v1/audit/actors?id=${stranger.id}`)).body.items).toEqual([]);
    expect((await a.get<{ items: Actor[] }>(`/api/v1/audit/actors?id=${stranger.id}`)).body.items).toHaveLength(1);

    const orgsByAdmin = await a.get<{ items: Org[] }>(`/api/v1/audit/organisations?q=${tag}`);
    expect(orgsByAdmin.body.items).toEqual([
      { id: ownOrg.id, name: `Comune proprio ${tag.toUpperCase()}`, type: 'comune' },
      { id: strangerOrg.id, name: `Comune straniero ${tag}`, type: 'comune' },
    ]);
    const orgsByRef = await r.get<{ items: Org[] }>(`/api/v1/audit/organisations?q=${tag}`);
    expect(orgsByRef.body.items.map((o) => o.id)).toEqual([ownOrg.id]);
    expect((await r.get<{ items: Org[] }>(`/api/v1/audit/organisations?id=${strangerOrg.id}`)).body.items).toEqual([]);
    const own = await r.get<{ items: Org[] }>(`/api/v1/audit/organisations?id=${ref.org.id}`);
    expect(own.body.items.map((o) => o.id)).toEqual([ref.org.id]);

    const op = await makeUser(t.db, { roles: ['operatore'], org: ref.org });
    const o = new Agent(t.app);
    await o.login(op.email, TEST_PASSWORD);
    expect((await o.get(`/api/v1/audit/actors?q=${tag}`)).status).toBe(403);
    expect((await o.get(`/api/v1/audit/organisations?q=${tag}`)).status).toBe(403);
    expect((await new Agent(t.app).get(`/api/v1/audit/actors?q=${tag}`)).status).toBe(401);
  });

  it('refuses a search of one character, of more than 100, or with both or neither of q and id', async () => {
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    for (const query of ['q=a', `q=${'x'.repeat(101)}`, `q=ab&id=${admin.id}`, '', 'id=not-a-uuid', 'q=ab&limit=5']) {
      for (const path of ['actors', 'organisations']) {
        const res = await a.get<{ code: string; errors: { path: string }[] }>(`/api/v1/audit/${path}?${query}`);
        expect(res.status, `${path}?${query}`).toBe(400);
        expect(res.headers['content-type'], `${path}?${query}`).toMatch(/^application\/problem\+json/);
        expect(res.body.code, `${path}?${query}`).toBe('request.invalid');
        expect(res.body.errors.length, `${path}?${query}`).toBeGreaterThan(0);
      }
    }
  });

  it('shows at most 20 matches', async () => {
    const tag = randomBytes(4).toString('hex');
    const org = await makeOrg(t.db);
    for (let i = 0; i < 22; i++) {
      const u = await makeUser(t.db, { roles: ['operatore'], org, displayName: `Operatore ${tag} ${i}` });
      await t.db.tx({ scope: 'platform', tenant: null, region: null, userId: null }, (tx) =>
        recordAudit(tx, auditCtx, { action: 'auth.logout', actorUserId: u.id, actorOrgId: org.id }),
      );
    }
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    expect((await a.get<{ items: unknown[] }>(`/api/v1/audit/actors?q=${tag}`)).body.items).toHaveLength(20);
  });
});

describe('rows whose action is no longer declared', () => {
  it('are still listed, under the name they were written with', async () => {
    await t.db.tx({ scope: 'platform', tenant: null, region: null, userId: null }, (tx) =>
      recordAudit(tx, auditCtx, { action: TEST_EVENT, tenantComune: null }),
    );
    const admin = await makeUser(t.db, { roles: ['amministratore'] });
    const a = new Agent(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    const res = await a.get<{ items: Entry[] }>('/api/v1/audit?action=test.event&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.items[0]!.action).toBe('test.event');
  });
});
