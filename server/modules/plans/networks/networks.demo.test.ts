/**
 * The networks' demo data: near the figures of InCaS phase 1 (36 groups, 250 organisations, about
 * 110 meetings in 2022–2023), every reference resolving (the bulk load skips the foreign keys), a
 * regional tavolo of Calabria with workshops, and follow-ups overdue, done and owned by the demo
 * referenti, one of which is still ahead on each referente's work list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../platform/crypto.js';
import type { Database } from '../../../platform/db/db.js';
import { openTestDb, TEST_DATA_KEY } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { checkDocument, databaseDocumentStore } from '../../../platform/documents/index.js';
import { seedPlansDemoAll, type PlansDemoResult } from '../plans.demo.js';
import { plmDocumentContents } from '../shared/documents.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
let db: Database;
let seeded: PlansDemoResult;
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, 'demo-incas-2026', { cipher, today: TODAY });
  seeded = await seedPlansDemoAll(db, 'demo-incas-2026', TODAY, cipher);
}, 180_000);
afterAll(async () => db.close());

describe('networks demo data', () => {
  it('comes near phase 1: about 36 groups, 250 organisations, 110 meetings across 2022–2023', async () => {
    expect(seeded.created).toBe(true);
    const [n] = await q<{
      networks: number;
      orgs: number;
      meetings: number;
      first: string;
      last: string;
      demo: number;
    }>(
      `SELECT (SELECT count(*)::int FROM plm_networks) AS networks,
              (SELECT count(*)::int FROM (SELECT organisation_id FROM plm_network_members
                                          UNION SELECT organisation_id FROM plm_meeting_organisations) x) AS orgs,
              (SELECT count(*)::int FROM plm_meetings) AS meetings,
              (SELECT min(held_on)::text FROM plm_meetings) AS first,
              (SELECT max(held_on)::text FROM plm_meetings) AS last,
              (SELECT count(*)::int FROM organisations WHERE name LIKE '%(demo)') AS demo`,
    );
    expect(n!.networks).toBeGreaterThanOrEqual(33);
    expect(n!.networks).toBeLessThanOrEqual(40);
    expect(n!.orgs).toBeGreaterThanOrEqual(225);
    expect(n!.orgs).toBeLessThanOrEqual(280);
    expect(n!.meetings).toBeGreaterThanOrEqual(100);
    expect(n!.meetings).toBeLessThanOrEqual(130);
    expect(n!.first >= '2022-01-01' && n!.last <= '2023-12-31').toBe(true);
    expect(seeded.counts).toMatchObject({ networks: n!.networks, meetings: n!.meetings });
  });

  it('gives four meetings in five their minutes: a PDF, encrypted, that opens and passes the upload checks', async () => {
    const docs = await q<{ id: string; comune_istat: string | null; file_name: string; size_bytes: number }>(
      `SELECT d.id, d.comune_istat, d.file_name, d.size_bytes FROM plm_meetings m
         JOIN plm_documents d ON d.id = m.minutes_document_id AND d.meeting_id = m.id AND d.kind = 'VERBALE'`,
    );
    expect(docs.length).toBe(seeded.counts.minutes);
    expect(docs.length / seeded.counts.meetings!).toBeCloseTo(0.8, 1);
    const store = databaseDocumentStore(cipher, plmDocumentContents);
    const bytes = await db.ownerTx((tx) => store.get(tx, { id: docs[0]!.id, comune: docs[0]!.comune_istat }));
    expect(bytes!.length).toBe(docs[0]!.size_bytes);
    expect(checkDocument(docs[0]!.file_name, bytes!)).toEqual({ ok: true, type: 'application/pdf' });
    expect(bytes!.toString('latin1')).toContain('DOCUMENTO DIMOSTRATIVO');
  });

  it('every reference resolves', async () => {
    const [bad] = await q<{ n: number }>(
      `SELECT (SELECT count(*) FROM plm_network_members m LEFT JOIN organisations o ON o.id = m.organisation_id
                LEFT JOIN plm_networks n ON n.id = m.network_id WHERE o.id IS NULL OR n.id IS NULL)
            + (SELECT count(*) FROM plm_meeting_organisations m LEFT JOIN organisations o ON o.id = m.organisation_id
                WHERE o.id IS NULL)
            + (SELECT count(*) FROM plm_meetings m LEFT JOIN plm_networks n ON n.id = m.network_id
                WHERE n.id IS NULL OR n.comune_istat IS DISTINCT FROM m.comune_istat)
            + (SELECT count(*) FROM plm_follow_ups f LEFT JOIN plm_meetings m ON m.id = f.meeting_id
                LEFT JOIN plm_actions a ON a.id = f.action_id
                WHERE m.id IS NULL OR (f.action_id IS NOT NULL AND a.comune_istat IS DISTINCT FROM m.comune_istat))
            + (SELECT count(*) FROM plm_follow_ups f LEFT JOIN users u ON u.id = f.owner_user_id
                WHERE f.owner_user_id IS NOT NULL AND u.id IS NULL) AS n`,
    );
    expect(Number(bad!.n)).toBe(0);
  });

  it('a regional tavolo of Calabria with workshops; follow-ups overdue, done and ahead for the referenti', async () => {
    const regional = await q<{ kind: string }>(
      `SELECT m.kind FROM plm_meetings m JOIN plm_networks n ON n.id = m.network_id
        WHERE n.comune_istat IS NULL AND n.region_code = '18'`,
    );
    expect(regional.filter((r) => r.kind === 'WORKSHOP_TERRITORIALE').length).toBeGreaterThanOrEqual(2);
    const [f] = await q<{ overdue: number; done: number; ahead: number; referenti: number }>(
      `SELECT count(*) FILTER (WHERE f.status = 'APERTO' AND f.due_date < $1)::int AS overdue,
              count(*) FILTER (WHERE f.status = 'FATTO')::int AS done,
              count(*) FILTER (WHERE f.status = 'APERTO' AND f.due_date >= $1)::int AS ahead,
              count(DISTINCT owner_user_id) FILTER (WHERE u.email LIKE 'referente.%')::int AS referenti
         FROM plm_follow_ups f LEFT JOIN users u ON u.id = f.owner_user_id`,
      ['2026-11-30'],
    );
    expect(f!.overdue).toBeGreaterThan(5);
    expect(f!.done).toBeGreaterThan(50);
    expect(f!.ahead).toBeGreaterThanOrEqual(10);
    expect(f!.referenti).toBeGreaterThanOrEqual(10);
  });
});
