/**
 * The dialogue's demo: about twelve threads between Calabria, Piemonte and Lazio and their demo
 * Comuni, two to six messages each, some overdue and some closed, mentions of participants, the
 * regional ANCI branch in one, every notice marked sent (the demo sends no mail), every reference
 * resolving (the bulk load skips the foreign keys).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../platform/crypto.js';
import type { Database } from '../../../platform/db/db.js';
import { openTestDb, TEST_DATA_KEY } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { seedPlansDemoAll, type PlansDemoResult } from '../plans.demo.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
const PASSWORD = 'demo-incas-2026';
let db: Database;
let seeded: PlansDemoResult;
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, PASSWORD, { cipher: createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64')), today: TODAY });
  seeded = await seedPlansDemoAll(db, PASSWORD, TODAY);
}, 180_000);
afterAll(async () => db.close());

describe('the dialogue demo', () => {
  it('threads with the three Regions, 2–6 messages each, some overdue, some closed', async () => {
    expect(seeded.created).toBe(true);
    expect(seeded.counts.planThreads).toBeGreaterThanOrEqual(10);
    const threads = await q<{ region_code: string; status: string; overdue: boolean; n: number }>(
      `SELECT t.region_code, t.status, (t.status = 'APERTA' AND t.due_date < '2026-11-30') AS overdue,
              (SELECT count(*)::int FROM plm_thread_messages m WHERE m.thread_id = t.id) AS n
         FROM plm_threads t`,
    );
    expect(threads).toHaveLength(seeded.counts.planThreads!);
    expect(new Set(threads.map((t) => t.region_code))).toEqual(new Set(['18', '01', '12']));
    expect(threads.every((t) => t.n >= 2 && t.n <= 6)).toBe(true);
    expect(threads.filter((t) => t.overdue).length).toBeGreaterThanOrEqual(3);
    expect(threads.filter((t) => t.status === 'CHIUSA').length).toBeGreaterThanOrEqual(2);
  });

  it('is consistent: each thread of a Comune of its Region, authors and mentions among the participants', async () => {
    const [r] = await q<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM plm_threads t JOIN comuni c ON c.istat_code = t.comune_istat
           WHERE c.region_code <> t.region_code) AS wrong_region,
         (SELECT count(*)::int FROM plm_thread_messages m LEFT JOIN plm_threads t ON t.id = m.thread_id
           WHERE t.id IS NULL OR t.comune_istat <> m.comune_istat) AS orphan_messages,
         (SELECT count(*)::int FROM plm_thread_messages m LEFT JOIN users u ON u.id = m.author_id WHERE u.id IS NULL) AS no_author,
         (SELECT count(*)::int FROM plm_thread_mentions x LEFT JOIN users u ON u.id = x.user_id WHERE u.id IS NULL) AS no_mentioned,
         (SELECT count(*)::int FROM plm_threads t WHERE t.plan_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM plm_plans p WHERE p.id = t.plan_id AND p.comune_istat = t.comune_istat)) AS foreign_plan,
         (SELECT count(*)::int FROM plm_threads t WHERE t.action_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM plm_actions a WHERE a.id = t.action_id AND a.comune_istat = t.comune_istat)) AS foreign_action,
         (SELECT count(*)::int FROM plm_thread_mentions) AS mentions,
         (SELECT count(*)::int FROM plm_thread_notifications) AS notices,
         (SELECT count(*)::int FROM plm_thread_notifications WHERE sent_at IS NULL) AS unsent`,
    );
    expect(r).toMatchObject({
      wrong_region: 0,
      orphan_messages: 0,
      no_author: 0,
      no_mentioned: 0,
      foreign_plan: 0,
      foreign_action: 0,
      unsent: 0,
    });
    expect(r!.mentions).toBeGreaterThan(5);
    expect(r!.notices).toBeGreaterThan(r!.mentions!);
    // every author writes with a role that takes part in the dialogue
    const roles = await q<{ role: string }>(
      `SELECT DISTINCT r.role FROM plm_thread_messages m JOIN user_roles r ON r.user_id = m.author_id`,
    );
    expect(roles.map((x) => x.role).sort()).toEqual(['assistenza_tecnica', 'referente_comunale', 'regione']);
  });

  it('the regional ANCI branch joins a Calabrian thread', async () => {
    const rows = await q<{ region_code: string }>(
      `SELECT DISTINCT t.region_code FROM plm_thread_messages m JOIN plm_threads t ON t.id = m.thread_id
         JOIN users u ON u.id = m.author_id WHERE u.email = 'assistenza.anci-calabria@demo.incas.local'`,
    );
    expect(rows).toEqual([{ region_code: '18' }]);
  });
});
