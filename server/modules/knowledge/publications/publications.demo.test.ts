/**
 * The publications' demo: seeded on a fresh test database after the demo module's accounts, the
 * Handbook (October 2025, two versions), the Policy Paper and a survey report published, a draft
 * whose PDF fails the check; every published PDF passes the accessibility check and is obviously
 * synthetic; the public library finds the Handbook; a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../platform/crypto.js';
import type { Database } from '../../../platform/db/db.js';
import { databaseDocumentStore } from '../../../platform/documents/index.js';
import { openTestDb, TEST_DATA_KEY } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { checkPdfAccessibility } from './publications.pdf-check.js';
import { seedPublicationsDemo } from './publications.demo.js';
import { publicationContents } from './publications.service.js';

const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
let db: Database;
let made: number;
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, 'demo-incas-2026', { cipher, today: new Date('2026-11-30T09:00:00Z') });
  made = await seedPublicationsDemo(db, cipher);
}, 240_000);
afterAll(async () => db.close());

describe('publications demo data', () => {
  it('publishes the Handbook of October 2025 with its earlier version, the Policy Paper and a report', async () => {
    expect(made).toBe(4);
    const rows = await q<{
      kind: string;
      status: string;
      published_on: string | null;
      published_version: number | null;
      title: string;
    }>(
      `SELECT kind, status, to_char(published_on, 'YYYY-MM-DD') AS published_on, published_version, title
         FROM kno_publications ORDER BY kind`,
    );
    expect(rows.map((r) => [r.kind, r.status, r.published_version])).toEqual([
      ['ALTRO', 'BOZZA', null],
      ['MANUALE', 'PUBBLICATA', 2],
      ['POLICY_PAPER', 'PUBBLICATA', 1],
      ['RAPPORTO_INDAGINE', 'PUBBLICATA', 1],
    ]);
    expect(rows.find((r) => r.kind === 'MANUALE')!.published_on).toMatch(/^2025-10-/);
    for (const r of rows) expect(r.title).toContain('DOCUMENTO DIMOSTRATIVO');
    const found = await q<{ kind: string }>(
      `SELECT kind FROM kno_publications WHERE status = 'PUBBLICATA' AND search @@ websearch_to_tsquery('italian', 'manuali')`,
    );
    expect(found.map((r) => r.kind)).toEqual(['MANUALE']);
  });

  it('stores PDFs that pass the accessibility check (the draft’s fails), and runs once', async () => {
    const versions = await q<{ id: string; accessible: boolean; status: string }>(
      `SELECT v.id, v.accessible, p.status FROM kno_publication_versions v JOIN kno_publications p ON p.id = v.publication_id`,
    );
    expect(versions).toHaveLength(5);
    const store = databaseDocumentStore(cipher, publicationContents);
    for (const v of versions) {
      const bytes = await db.ownerTx((tx) => store.get(tx, { id: v.id, comune: null }));
      const check = await checkPdfAccessibility(bytes!);
      expect([check.accessible, v.accessible]).toEqual([v.status === 'PUBBLICATA', v.status === 'PUBBLICATA']);
      expect(bytes!.toString('latin1')).toContain('DOCUMENTO DIMOSTRATIVO');
    }
    expect(await seedPublicationsDemo(db, cipher)).toBe(0);
    expect(await seedPublicationsDemo(db, null)).toBe(0);
  });
});
