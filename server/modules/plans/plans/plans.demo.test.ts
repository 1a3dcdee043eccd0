/**
 * The plans' demo: seeded on a fresh test database through the module's demo (after the demo
 * module's and the projects' data), a plan for each of the ten Comuni at its state, every plan's
 * actions across the four axes, adopted plans with their act and version 1, Saluzzo updated to
 * version 2 with what changed, monitorings for the monitored plans; a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../platform/crypto.js';
import type { Database } from '../../../platform/db/db.js';
import { openTestDb, TEST_DATA_KEY } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { seedProjectsDemoAll } from '../../projects/projects.demo.js';
import { seedPlansDemoAll, type PlansDemoResult } from '../plans.demo.js';
import { checkDocument, databaseDocumentStore } from '../../../platform/documents/index.js';
import { plmDocumentContents } from '../shared/documents.js';
import { diffSnapshots } from './plans.rules.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
const PASSWORD = 'demo-incas-2026';
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
let db: Database;
let seeded: PlansDemoResult;
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, PASSWORD, { cipher, today: TODAY });
  await seedProjectsDemoAll(db, PASSWORD, TODAY);
  const t0 = performance.now();
  seeded = await seedPlansDemoAll(db, PASSWORD, TODAY, cipher);
  console.log(
    `plans demo seed on ${db.engine}: ${Math.round(performance.now() - t0)} ms`,
    JSON.stringify(seeded.counts),
  );
}, 240_000);
afterAll(async () => db.close());

describe('plans demo data', () => {
  it('gives each of the ten Comuni a plan at its state', async () => {
    expect(seeded.created).toBe(true);
    expect(seeded.counts.plans).toBe(10);
    const plans = await q<{
      name: string;
      status: string;
      organ: string | null;
      date: string | null;
      version_no: number;
    }>(
      `SELECT c.name, p.status, p.adoption_organ AS organ, to_char(p.adoption_date, 'YYYY-MM-DD') AS date, p.version_no
         FROM plm_plans p JOIN comuni c ON c.istat_code = p.comune_istat ORDER BY c.name`,
    );
    expect(plans).toHaveLength(10);
    const by = Object.fromEntries(plans.map((p) => [p.name, p]));
    expect(by.Alba!.status).toBe('BOZZA');
    expect(by['Gioia Tauro']!.status).toBe('TAVOLI_TEMATICI');
    expect(by.Saluzzo).toMatchObject({ status: 'AGGIORNATO', version_no: 2 });
    const adopted = plans.filter((p) => p.name !== 'Alba' && p.name !== 'Gioia Tauro');
    for (const p of adopted) {
      expect(['GIUNTA', 'CONSIGLIO']).toContain(p.organ);
      expect(p.date! >= '2022-01-01' && p.date! <= '2023-12-31').toBe(true);
    }
    expect(new Set(plans.map((p) => p.status)).size).toBeGreaterThanOrEqual(6);
  });

  it('gives each adopted plan its resolution: a PDF, encrypted, naming the organ, number and date', async () => {
    const docs = await q<{ id: string; comune_istat: string; file_name: string; organ: string; n: string; d: string }>(
      `SELECT d.id, d.comune_istat, d.file_name, p.adoption_organ AS organ, p.adoption_number AS n,
              to_char(p.adoption_date, 'DD/MM/YYYY') AS d
         FROM plm_plans p JOIN plm_documents d ON d.id = p.adoption_document_id AND d.plan_id = p.id AND d.kind = 'DELIBERA'`,
    );
    expect(docs).toHaveLength(8);
    const store = databaseDocumentStore(cipher, plmDocumentContents);
    for (const doc of docs.slice(0, 2)) {
      const bytes = await db.ownerTx((tx) => store.get(tx, { id: doc.id, comune: doc.comune_istat }));
      expect(checkDocument(doc.file_name, bytes!)).toEqual({ ok: true, type: 'application/pdf' });
      expect(bytes!.toString('latin1')).toContain(`n. ${doc.n} del ${doc.d}`);
    }
  });

  it("covers the four axes in every plan's 6–14 actions, with partners, indicators and budgets", async () => {
    for (const p of await q<{ id: string }>('SELECT id FROM plm_plans')) {
      const [r] = await q<{ n: number; axes: number; budget: number; partners: number; indicators: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT axis)::int AS axes, count(budget_cents)::int AS budget,
                (SELECT count(*)::int FROM plm_action_partners WHERE plan_id = $1) AS partners,
                (SELECT count(*)::int FROM plm_indicators WHERE plan_id = $1) AS indicators
           FROM plm_actions WHERE plan_id = $1`,
        [p.id],
      );
      expect(r!.n).toBeGreaterThanOrEqual(6);
      expect(r!.n).toBeLessThanOrEqual(14);
      expect(r!.axes).toBe(4);
      expect(r!.budget).toBe(r!.n);
      expect(r!.partners).toBeGreaterThanOrEqual(r!.n);
      expect(r!.indicators).toBe(r!.n);
    }
    const [orgs] = await q<{ n: number }>(
      "SELECT count(*)::int AS n FROM organisations WHERE name LIKE '%(demo)' AND type IN ('asl', 'cpi', 'sindacato', 'terzo_settore')",
    );
    expect(orgs!.n).toBeGreaterThanOrEqual(50);
    const [linked] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM plm_actions a JOIN projects p ON p.id = a.project_id WHERE p.comune_istat = a.comune_istat`,
    );
    expect(linked!.n).toBeGreaterThan(0);
    const [foreign] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM plm_actions a JOIN projects p ON p.id = a.project_id WHERE p.comune_istat <> a.comune_istat`,
    );
    expect(foreign!.n).toBe(0);
  });

  it('is consistent: events for each step, versions, monitorings with values', async () => {
    const [r] = await q<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM plm_plans p WHERE (SELECT count(*) FROM plm_plan_events e WHERE e.plan_id = p.id)
            <> array_position(ARRAY['AVVIO','ANALISI_CONTESTO','TAVOLI_TEMATICI','BOZZA','ADOTTATO','IN_ATTUAZIONE','MONITORATO','AGGIORNATO'], p.status)) AS bad_events,
         (SELECT count(*)::int FROM plm_plans p WHERE p.version_no <> (SELECT count(*) FROM plm_plan_versions v WHERE v.plan_id = p.id)) AS bad_versions,
         (SELECT count(*)::int FROM plm_plans p WHERE p.status IN ('MONITORATO', 'AGGIORNATO')
            AND NOT EXISTS (SELECT 1 FROM plm_monitorings m WHERE m.plan_id = p.id)) AS unmonitored,
         (SELECT count(*)::int FROM plm_indicator_values) AS "values",
         (SELECT count(*)::int FROM plm_action_partners ap WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = ap.organisation_id)) AS orphans,
         (SELECT count(*)::int FROM plm_actions a WHERE a.lead_org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = a.lead_org_id)) AS bad_leads`,
    );
    expect(r).toMatchObject({ bad_events: 0, bad_versions: 0, unmonitored: 0, orphans: 0, bad_leads: 0 });
    expect(r!.values).toBeGreaterThan(0);
    // each monitoring keeps the state of its plan's actions: today's at the latest one
    const [states] = await q<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM plm_monitoring_actions) AS "rows",
         (SELECT count(*)::int FROM plm_monitorings m
           WHERE NOT EXISTS (SELECT 1 FROM plm_monitoring_actions ma WHERE ma.monitoring_id = m.id)) AS bare,
         (SELECT count(*)::int FROM plm_monitoring_actions ma JOIN plm_monitorings m ON m.id = ma.monitoring_id
            JOIN plm_actions a ON a.id = ma.action_id
           WHERE ma.plan_id <> m.plan_id OR a.plan_id <> m.plan_id OR ma.comune_istat <> m.comune_istat) AS strangers,
         (SELECT count(*)::int FROM plm_monitoring_actions ma JOIN plm_actions a ON a.id = ma.action_id
           WHERE ma.status <> a.status
             AND ma.monitoring_id = (SELECT m.id FROM plm_monitorings m WHERE m.plan_id = ma.plan_id
                                      ORDER BY m.reference_date DESC LIMIT 1)) AS latest_differ`,
    );
    expect(states).toMatchObject({ bare: 0, strangers: 0, latest_differ: 0 });
    expect(states!.rows).toBeGreaterThan(0);
    const versions = await q<{ version_no: number; snapshot: unknown }>(
      `SELECT v.version_no, v.snapshot FROM plm_plan_versions v JOIN plm_plans p ON p.id = v.plan_id
         JOIN comuni c ON c.istat_code = p.comune_istat WHERE c.name = 'Saluzzo' ORDER BY v.version_no`,
    );
    expect(versions.map((v) => v.version_no)).toEqual([1, 2]);
    const changes = diffSnapshots(versions[0]!.snapshot, versions[1]!.snapshot);
    expect(changes.actions.some((a) => a.change === 'ADDED')).toBe(true);
    expect(changes.actions.some((a) => a.fields.some((f) => f.field === 'budgetCents'))).toBe(true);
  });

  it('returns the plans with their actions for the other parts, and loads once', async () => {
    expect(seeded.counts.planActions).toBe(
      (await q<{ n: number }>('SELECT count(*)::int AS n FROM plm_actions'))[0]!.n,
    );
    const again = await seedPlansDemoAll(db, PASSWORD, TODAY);
    expect(again.created).toBe(false);
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM plm_plans'))[0]!.n).toBe(10);
  });
});
