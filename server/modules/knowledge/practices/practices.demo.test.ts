/**
 * The good practices' demo: seeded on a fresh test database after the demo module's accounts,
 * thirty practices across the Regions, axes and sectors (25 published, 3 in review, 2 drafts), each
 * of a Comune and tied to it, and the five published case studies citing published practices; the
 * public search finds them with the Italian stemmer; a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../platform/crypto.js';
import { accessOf } from '../../../platform/context.js';
import type { Database } from '../../../platform/db/db.js';
import { openTestDb, TEST_DATA_KEY } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { seedPracticesDemo, type PracticesDemoResult } from './practices.demo.js';
import { searchPublicPractices } from './practices.repo.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
let db: Database;
let seeded: PracticesDemoResult;
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, 'demo-incas-2026', { cipher, today: TODAY });
  seeded = await seedPracticesDemo(db, TODAY);
}, 240_000);
afterAll(async () => db.close());

describe('good practices demo data', () => {
  it('makes thirty practices across Regions, axes and sectors, most published, and the five case studies', async () => {
    expect(seeded).toEqual({ practices: 30, caseStudies: 5 });
    const rows = await q<{
      status: string;
      axis: string;
      sector: string;
      region_codes: string[];
      comune_istat: string;
    }>(`SELECT status, axis, sector, region_codes, comune_istat FROM kn_practices`);
    expect(rows.filter((r) => r.status === 'PUBBLICATA')).toHaveLength(25);
    expect(rows.filter((r) => r.status === 'IN_REVISIONE')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'BOZZA')).toHaveLength(2);
    expect(new Set(rows.map((r) => r.axis)).size).toBe(4);
    expect(new Set(rows.map((r) => r.sector)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.flatMap((r) => r.region_codes)).size).toBeGreaterThanOrEqual(10);
    expect(rows.every((r) => r.comune_istat)).toBe(true);
    const links = await q<{ n: number }>(`SELECT count(*)::int AS n FROM kn_practice_links WHERE kind = 'COMUNE'`);
    expect(links[0]!.n).toBe(30);
    const cases = await q<{ status: string; practice_ids: string[]; sections: unknown[] }>(
      `SELECT status, practice_ids::text[] AS practice_ids, sections FROM kn_case_studies`,
    );
    expect(cases).toHaveLength(5);
    for (const c of cases) {
      expect(c.status).toBe('PUBBLICATA');
      expect(c.practice_ids.length).toBe(2);
      expect(c.sections.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('is found by the public search with the stemmer', async () => {
    const rows = await db.tx(accessOf(null), (tx) => searchPublicPractices(tx, { q: 'lavoratori stagionali' }, 50, 0));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.headline).toContain('\u0002');
  });

  it('changes nothing when run again', async () => {
    expect(await seedPracticesDemo(db, TODAY)).toEqual({ practices: 0, caseStudies: 0 });
  });
});
