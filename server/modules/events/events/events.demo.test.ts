/**
 * The events' demo: seeded on a fresh test database after the demo module's accounts, the twenty
 * territorial workshops (one per Region, 2026–2027: the past ones CONCLUSO, one draft, the others
 * published), a webinar and the national conference, all organised by the demo's ANCI assistenza
 * tecnica; a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../../platform/crypto.js';
import type { Database } from '../../../platform/db/db.js';
import { openTestDb, TEST_DATA_KEY } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { DEMO_ORGANISER_EMAIL, seedEventsDemoAll, type EventsDemoResult } from './events.demo.js';

const TODAY = new Date('2026-11-30T09:00:00Z');
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
let db: Database;
let seeded: EventsDemoResult;
const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db, 'demo-incas-2026', { cipher, today: TODAY });
  seeded = await seedEventsDemoAll(db, TODAY);
}, 240_000);
afterAll(async () => db.close());

describe('events demo data', () => {
  it('makes the twenty workshops across the Regions, a webinar and the national conference', async () => {
    expect(seeded.created).toBe(true);
    expect(seeded.events).toHaveLength(22);
    const rows = await q<{ kind: string; status: string; region_code: string | null; starts_at: Date; email: string }>(
      `SELECT e.kind, e.status, e.region_code::text AS region_code, e.starts_at, u.email
         FROM evt_events e JOIN users u ON u.id = e.created_by`,
    );
    const workshops = rows.filter((r) => r.kind === 'WORKSHOP_TERRITORIALE');
    expect(workshops).toHaveLength(20);
    expect(new Set(workshops.map((r) => r.region_code)).size).toBe(20);
    expect(rows.filter((r) => r.kind === 'WEBINAR')).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'CONFERENZA_NAZIONALE')).toHaveLength(1);
    for (const r of rows) {
      expect(r.email).toBe(DEMO_ORGANISER_EMAIL);
      expect([2026, 2027]).toContain(r.starts_at.getUTCFullYear());
    }
  });

  it('has past workshops CONCLUSO, one draft, the rest published; a second run changes nothing', async () => {
    const by = (s: string) => seeded.events.filter((e) => e.status === s);
    expect(by('BOZZA')).toHaveLength(1);
    expect(by('CONCLUSO').length).toBeGreaterThanOrEqual(5);
    expect(by('PUBBLICATO').length).toBeGreaterThan(by('CONCLUSO').length);
    for (const e of by('CONCLUSO')) expect(e.endsAt.getTime()).toBeLessThanOrEqual(TODAY.getTime());
    for (const e of by('PUBBLICATO')) expect(e.endsAt.getTime()).toBeGreaterThan(TODAY.getTime());
    expect(new Set(seeded.events.map((e) => e.slug)).size).toBe(22);
    const again = await seedEventsDemoAll(db, TODAY);
    expect(again).toEqual({ created: false, events: [] });
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM evt_events'))[0]!.n).toBe(22);
  });
});
