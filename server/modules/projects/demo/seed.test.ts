/**
 * The projects' demo data: loaded once, consistent (every reference resolves, since the bulk load
 * skips the foreign keys), every approved budget within its call's caps, about two thousand
 * expenses in cents with the deliberate mistakes flagged, and a revisore who sees only the projects
 * assigned to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../platform/crypto.js';
import type { Database } from '../../../platform/db/db.js';
import { openTestDb, TEST_DATA_KEY } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { checkCaps } from '../shared/caps.js';
import { callRulesSchema } from '../shared/call-rules.js';
import { checkCup } from '../shared/tax-ids.js';
import { demoWarnings } from './plan.js';
import { seedProjectsDemoAll, type ProjectsDemoResult } from '../projects.demo.js';
import { seedProjectsDemoData } from './seed.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
const PASSWORD = 'demo-incas-2026';
let db: Database;
let seeded: ProjectsDemoResult;
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, PASSWORD, { cipher: createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64')), today: TODAY });
  const t0 = performance.now();
  seeded = await seedProjectsDemoAll(db, PASSWORD, TODAY);
  console.log(
    `projects demo seed on ${db.engine}: ${Math.round(performance.now() - t0)} ms`,
    JSON.stringify({ ...seeded.counts, ...seeded.claims, schede: seeded.schede, queries: seeded.queries }),
  );
}, 120_000);
afterAll(async () => db.close());

describe('projects demo data', () => {
  it('loads once: twenty projects in every state, about two thousand expenses, a revisore', async () => {
    expect(seeded.created).toBe(true);
    expect(seeded.accounts.map((a) => a.email)).toContain('revisore@demo.incas.local');
    // the Comuni outside the pilot get a responsabile amministrativo each
    expect(seeded.accounts.filter((a) => a.roles.includes('responsabile_amministrativo'))).toHaveLength(10);
    expect((await seedProjectsDemoData(db, PASSWORD, TODAY)).created).toBe(false);
    const states = await q<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM projects GROUP BY status',
    );
    expect(states.reduce((s, r) => s + r.n, 0)).toBe(20);
    expect(states.map((r) => r.status).sort()).toEqual(['APPROVATO', 'BOZZA', 'CONCLUSO', 'IN_CORSO', 'PRESENTATO']);
    expect(seeded.counts.expenses).toBeGreaterThan(1_500);
    expect(seeded.counts.expenses).toBeLessThan(2_600);
    // the ten pilot Comuni are among the leads
    const pilot = await q<{ n: number }>(
      'SELECT count(DISTINCT p.comune_istat)::int AS n FROM projects p JOIN comuni c ON c.istat_code = p.comune_istat WHERE c.pilot_18ter',
    );
    expect(pilot[0]!.n).toBe(10);
  });

  it('is consistent: every reference resolves', async () => {
    const [r] = await q<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM project_expenses e WHERE NOT EXISTS
            (SELECT 1 FROM project_budget_lines l WHERE l.project_id = e.project_id AND l.line_key = e.line_key)) AS expense_lines,
         (SELECT count(*)::int FROM project_expenses e JOIN projects p ON p.id = e.project_id
           WHERE e.comune_istat <> p.comune_istat) AS expense_comuni,
         (SELECT count(*)::int FROM project_budget_lines l JOIN project_budget_versions v ON v.id = l.budget_version_id
           WHERE v.project_id <> l.project_id) AS line_versions,
         (SELECT count(*)::int FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_call_versions v WHERE v.id = p.call_version_id)) AS calls,
         (SELECT count(*)::int FROM projects p WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = p.lead_org_id AND o.comune_istat = p.comune_istat)) AS leads,
         (SELECT count(*)::int FROM project_activities a WHERE a.parent_id IS NOT NULL AND NOT EXISTS
            (SELECT 1 FROM project_activities b WHERE b.id = a.parent_id AND b.project_id = a.project_id)) AS activities,
         (SELECT count(*)::int FROM project_expenses WHERE created_by NOT IN (SELECT id FROM users)) AS creators`,
    );
    expect(r).toEqual({
      expense_lines: 0,
      expense_comuni: 0,
      line_versions: 0,
      calls: 0,
      leads: 0,
      activities: 0,
      creators: 0,
    });
  });

  it('keeps every proposed or approved budget within its call’s caps, and CUPs well formed', async () => {
    const versions = await q<{
      id: string;
      rules: unknown;
      lines: Array<{ category_code: string; amount_cents: string }>;
    }>(
      `SELECT v.id, cv.rules,
              (SELECT json_agg(json_build_object('category_code', l.category_code, 'amount_cents', l.amount_cents))
                 FROM project_budget_lines l WHERE l.budget_version_id = v.id) AS lines
         FROM project_budget_versions v JOIN projects p ON p.id = v.project_id
         JOIN project_call_versions cv ON cv.id = p.call_version_id
        WHERE v.status IN ('PROPOSTA', 'APPROVATA')`,
    );
    expect(versions.length).toBeGreaterThanOrEqual(19);
    for (const v of versions) {
      const rules = callRulesSchema.parse(v.rules);
      const checks = checkCaps(
        rules,
        v.lines.map((l) => ({ categoryCode: l.category_code, cents: Number(l.amount_cents) })),
        { exactFlat: true },
      );
      expect(
        checks.filter((c) => !c.ok).map((c) => c.message),
        v.id,
      ).toEqual([]);
    }
    for (const { cup } of await q<{ cup: string | null }>('SELECT cup FROM projects WHERE cup IS NOT NULL')) {
      expect(checkCup(cup!).valid, cup!).toBe(true);
    }
    const rimodulazioni = await q<{ status: string }>(
      `SELECT status FROM project_budget_versions WHERE kind = 'RIMODULAZIONE'`,
    );
    expect(rimodulazioni.length).toBeGreaterThan(0);
  });

  it('holds the deliberate mistakes, flagged: out of period, over a cap, the same invoice twice', async () => {
    const flagged = async (code: string) =>
      (await q<{ n: number }>('SELECT count(*)::int AS n FROM project_expenses WHERE $1 = ANY (warnings)', [code]))[0]!
        .n;
    expect(await flagged(demoWarnings.outOfPeriod)).toBe(1);
    expect(await flagged(demoWarnings.overCap)).toBe(1);
    expect(await flagged(demoWarnings.doubleFunding)).toBe(4);
    const twice = await q<{ projects: number; n: number }>(
      `SELECT count(DISTINCT project_id)::int AS projects, count(*)::int AS n FROM project_expenses
        GROUP BY issuer_key, number_key, doc_date HAVING count(*) > 1 ORDER BY projects`,
    );
    expect(twice).toEqual([
      { projects: 1, n: 2 },
      { projects: 2, n: 2 },
    ]);
    // cash only on the petty-cash lines
    const [cash] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM project_expenses e JOIN project_budget_lines l
          ON l.project_id = e.project_id AND l.line_key = e.line_key
        WHERE e.payment_means = 'CONTANTI' AND l.category_code NOT IN ('I1', 'E')`,
    );
    expect(cash!.n).toBe(0);
    const [money] = await q<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM project_expenses WHERE charged_cents > net_cents + vat_cents OR charged_cents <= 0`,
    );
    expect(money!.bad).toBe(0);
  });

  it('lets the demo revisore see only the projects assigned, through row-level security', async () => {
    const [rev] = await q<{ id: string }>(`SELECT id FROM users WHERE email = 'revisore@demo.incas.local'`);
    const seen = await db.tx({ scope: 'national', tenant: null, region: null, userId: rev!.id }, (tx) =>
      tx.query<{ id: string }>('SELECT id FROM projects'),
    );
    const assigned = await q<{ project_id: string }>(
      'SELECT DISTINCT project_id FROM project_revisore_assignments WHERE user_id = $1',
      [rev!.id],
    );
    expect(assigned.length).toBeGreaterThan(3);
    expect(seen.map((r) => r.id).sort()).toEqual(assigned.map((r) => r.project_id).sort());
    const [anci] = await q<{ id: string }>(`SELECT id FROM users WHERE email = 'assistenza.anci@demo.incas.local'`);
    const all = await db.tx({ scope: 'national', tenant: null, region: null, userId: anci!.id }, (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM projects'),
    );
    expect(all[0]!.n).toBe(20);
  });

  it('has claims in every state, frozen when sent, verified with their verbale, approved and paid', async () => {
    const states = await q<{ status: string }>('SELECT DISTINCT status FROM project_claims ORDER BY status');
    expect(states.map((r) => r.status)).toEqual([
      'APPROVATA',
      'BOZZA',
      'CONTRODEDUZIONI',
      'INVIATA',
      'IN_VERIFICA',
      'LIQUIDATA',
      'RICHIESTA_INTEGRAZIONI',
      'SOSTITUITA',
    ]);
    const [r] = await q<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM project_claims WHERE status <> 'BOZZA' AND (totals IS NULL OR submitted_at IS NULL)) AS unfrozen,
         (SELECT count(*)::int FROM project_claim_expenses ce JOIN project_claims c ON c.id = ce.claim_id
           WHERE c.status <> 'BOZZA' AND ce.snapshot IS NULL) AS snapshots,
         (SELECT count(*)::int FROM project_claims c WHERE c.status IN ('APPROVATA', 'LIQUIDATA')
             AND (c.verbale_issued_at IS NULL OR c.verified_cents IS DISTINCT FROM
                  (SELECT sum(v.eligible_cents) FROM project_expense_verifications v WHERE v.claim_id = c.id)
              OR c.approved_cents IS DISTINCT FROM c.verified_cents)) AS verbali,
         (SELECT count(*)::int FROM project_claims WHERE status = 'LIQUIDATA' AND (paid_cents IS NULL OR paid_on IS NULL)) AS paid,
         (SELECT count(*)::int FROM project_claim_expenses ce JOIN project_claims c ON c.id = ce.claim_id
            JOIN project_expenses e ON e.id = ce.expense_id
           WHERE c.status NOT IN ('BOZZA', 'SOSTITUITA') AND e.status NOT IN ('IN_DOMANDA', 'VERIFICATA')) AS expense_states,
         (SELECT count(*)::int FROM project_claim_events ev JOIN project_claims c ON c.id = ev.claim_id
           WHERE ev.at > $1::timestamptz) AS future_events`,
      [TODAY.toISOString()],
    );
    expect(r).toEqual({ unfrozen: 0, snapshots: 0, verbali: 0, paid: 0, expense_states: 0, future_events: 0 });
    // the double funding found by the revisore
    const [doubled] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM project_expense_verifications WHERE 'doppio_finanziamento' = ANY (reasons)`,
    );
    expect(seeded.claims!.claims).toBeGreaterThan(20);
    expect(doubled!.n).toBeGreaterThanOrEqual(0);
  });

  it('has quarterly schede at every review stage and query threads, some overdue', async () => {
    const stages = await q<{ status: string }>(
      'SELECT DISTINCT status FROM project_monitoring_reports ORDER BY status',
    );
    expect(stages.map((r) => r.status)).toEqual(['APPROVATA', 'BOZZA', 'INVIATA', 'RESTITUITA', 'VALIDATA_ANCI']);
    const [r] = await q<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM project_monitoring_reports WHERE status <> 'BOZZA' AND NOT (content ? 'computed')) AS unfrozen,
         (SELECT count(*)::int FROM project_monitoring_reports m WHERE status = 'RESTITUITA'
             AND NOT EXISTS (SELECT 1 FROM project_monitoring_comments c WHERE c.report_id = m.id)) AS returned_without_comment,
         (SELECT count(*)::int FROM project_queries WHERE status <> 'RISOLTA' AND due_on < $1::date) AS overdue,
         (SELECT count(*)::int FROM project_queries q WHERE NOT EXISTS
            (SELECT 1 FROM project_query_messages m WHERE m.query_id = q.id)) AS silent`,
      [TODAY.toISOString().slice(0, 10)],
    );
    expect(r!.unfrozen).toBe(0);
    expect(r!.returned_without_comment).toBe(0);
    expect(r!.silent).toBe(0);
    expect(r!.overdue).toBeGreaterThan(0);
    expect(seeded.queries).toBeGreaterThan(10);
  });
});
