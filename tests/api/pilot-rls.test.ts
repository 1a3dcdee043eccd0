/**
 * Row-level security of the pilot's tables, checked in the catalogue and by trying (security.md
 * T-02): every table holding a Comune's rows has RLS enabled and forced; as the application role
 * with Comune A's tenancy, Comune B's rows are invisible, cannot be changed, and cannot be
 * inserted; the aggregate functions are not executable by PUBLIC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { makeCase, twoPilotComuni, type PilotComune } from '../support/pilot-factories.js';

let t: TestApp;
let a: PilotComune;
let b: PilotComune;
beforeAll(async () => {
  t = await startTestApp();
  ({ a, b } = await twoPilotComuni(t));
  await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure' });
  await makeCase(t.db, t.cipher, { comune: b, status: 'ammesso_misure' });
});
afterAll(async () => t.close());

const tenantOf = (p: PilotComune) => ({
  scope: 'comune' as const,
  tenant: p.istat,
  region: null,
  userId: p.referente.id,
});

describe('row-level security of the pilot tables', () => {
  it('is enabled and forced on every table with a comune_istat column', async () => {
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ relname: string; rls: boolean; forced: boolean }>(
        `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'comune_istat' AND NOT a.attisdropped
        WHERE c.relkind = 'r' AND c.relname LIKE 'pilot\\_%' ORDER BY c.relname`,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(16);
    expect(rows.filter((r) => !r.rls || !r.forced).map((r) => r.relname)).toEqual([]);
  });

  it("hides, protects and refuses another Comune's rows to the application role", async () => {
    await t.db.tx(tenantOf(a), async (tx) => {
      const [me] = await tx.query<{ who: string }>('SELECT current_user AS who');
      expect(me!.who).toBe('incas_app');
      for (const table of ['pilot_persons', 'pilot_cases', 'pilot_case_members', 'pilot_permits', 'pilot_admissions']) {
        const seen = await tx.query<{ comune_istat: string }>(`SELECT DISTINCT comune_istat FROM ${table}`);
        expect(
          seen.map((r) => r.comune_istat),
          table,
        ).toEqual([a.istat]);
      }
      const updated = await tx.query(
        `UPDATE pilot_cases SET in_sai = NOT in_sai WHERE comune_istat = $1 RETURNING id`,
        [b.istat],
      );
      expect(updated).toEqual([]);
    });
    await expect(
      t.db.tx(tenantOf(a), (tx) =>
        tx.query(`INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at) VALUES ($1, 2031, 1, now())`, [
          b.istat,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('gives national and regional scopes no row at all', async () => {
    for (const scope of ['national', 'regione'] as const) {
      const n = await t.db.tx({ scope, tenant: null, region: '12', userId: null }, (tx) =>
        tx.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM pilot_persons) + (SELECT count(*) FROM pilot_cases) AS n',
        ),
      );
      expect(n[0]!.n, scope).toBe(0);
    }
  });

  it('lets a national actor write the audit row of a Comune it acted on, which that Comune then reads', async () => {
    const row = (tenant: string) => [new Date(), tenant];
    const insert =
      "INSERT INTO audit_log (occurred_at, tenant_comune, action, outcome, prev_hash, hash) VALUES ($1, $2, 'pilot.records.read', 'success', '', '')";
    await t.db.tx({ scope: 'national', tenant: null, region: null, userId: null }, (tx) =>
      tx.query(insert, row(a.istat)),
    );
    await expect(t.db.tx(tenantOf(b), (tx) => tx.query(insert, row(a.istat)))).rejects.toThrow(/row-level security/);
    const seen = await t.db.tx(tenantOf(a), (tx) =>
      tx.query(`SELECT 1 FROM audit_log WHERE action = 'pilot.records.read' AND tenant_comune = $1`, [a.istat]),
    );
    expect(seen).toHaveLength(1);
  });

  it('keeps the aggregate functions away from PUBLIC', async () => {
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ proname: string; secdef: boolean; public_exec: boolean }>(
        `SELECT p.proname, p.prosecdef AS secdef, has_function_privilege('public', p.oid, 'EXECUTE') AS public_exec
         FROM pg_proc p WHERE p.proname LIKE '%pilot%' AND p.prosecdef`,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.public_exec).map((r) => r.proname)).toEqual([]);
  });
});
