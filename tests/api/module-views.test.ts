/**
 * The views through which a module reads another's data (migrations 0008–0010): each runs with
 * the reader's privileges (security_invoker), so the tables' row-level security still applies;
 * each is readable by the application role; none exposes a credential.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { twoPilotComuni, type PilotComune } from '../support/pilot-factories.js';

const views = [
  'access_user_roles_v',
  'access_users_v',
  'audit_events_v',
  'registry_comuni_v',
  'registry_organisations_v',
];

let t: TestApp;
let a: PilotComune;
let b: PilotComune;
beforeAll(async () => {
  t = await startTestApp();
  ({ a, b } = await twoPilotComuni(t));
});
afterAll(async () => t.close());

describe('the views other modules read', () => {
  it('are security_invoker and granted to the application role', async () => {
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ name: string; invoker: boolean; readable: boolean }>(
        `SELECT c.relname AS name, coalesce('security_invoker=true' = ANY(c.reloptions), false) AS invoker,
              has_table_privilege('incas_app', c.oid, 'SELECT') AS readable
         FROM pg_class c WHERE c.relkind = 'v' AND c.relname = ANY($1::text[]) ORDER BY c.relname`,
        [views],
      ),
    );
    expect(rows).toEqual(views.map((name) => ({ name, invoker: true, readable: true })));
  });

  it("keep the audit trail's row-level security: a Comune reads its own events only", async () => {
    const insert = `INSERT INTO audit_log (occurred_at, tenant_comune, action, outcome, prev_hash, hash)
                    VALUES (now(), $1, 'pilot.views.probe', 'success', '', '')`;
    await t.db.ownerTx(async (tx) => {
      await tx.query(insert, [a.istat]);
      await tx.query(insert, [b.istat]);
    });
    const seen = await t.db.tx({ scope: 'comune', tenant: a.istat, region: null, userId: a.referente.id }, (tx) =>
      tx.query<{ tenant_comune: string }>(
        `SELECT tenant_comune FROM audit_events_v WHERE action = 'pilot.views.probe'`,
      ),
    );
    expect(seen.map((r) => r.tenant_comune)).toEqual([a.istat]);
    const all = await t.db.tx({ scope: 'system', tenant: null, region: null, userId: null }, (tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events_v WHERE action = 'pilot.views.probe'`),
    );
    expect(all[0]!.n).toBe(2);
  });

  it('expose no credential of an account', async () => {
    const cols = await t.db.ownerTx((tx) =>
      tx.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'access_users_v' ORDER BY ordinal_position`,
      ),
    );
    expect(cols.map((c) => c.column_name)).toEqual(['id', 'display_name', 'email', 'organisation_id', 'status']);
  });

  it('give a Comune its province sigla and pilot flag', async () => {
    const [row] = await t.db.tx({ scope: 'comune', tenant: a.istat, region: null, userId: a.referente.id }, (tx) =>
      tx.query<{ pilot_18ter: boolean; province_sigla: string }>(
        'SELECT pilot_18ter, province_sigla FROM registry_comuni_v WHERE istat_code = $1',
        [a.istat],
      ),
    );
    expect(row!.pilot_18ter).toBe(true);
    expect(row!.province_sigla).toMatch(/^[A-Z]{2}$/);
  });
});
