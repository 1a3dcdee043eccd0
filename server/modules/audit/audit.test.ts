import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../tests/support/harness.js';
import { auditRows, makeOrg, makeUser, TEST_PASSWORD } from '../../../tests/support/factories.js';
import { systemClock } from '../../platform/context.js';
import { recordAudit } from './audit.service.js';

interface Entry {
  action: string;
  tenantComune: string | null;
  entityId: string | null;
}

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
      await recordAudit(tx, auditCtx, { action: 'test.event', tenantComune: a.comuneIstat });
      await recordAudit(tx, auditCtx, { action: 'test.event', tenantComune: b.comuneIstat });
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
        recordAudit(tx, auditCtx, { action: 'test.forged', tenantComune: b.comuneIstat }),
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
