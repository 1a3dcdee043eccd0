/** The demo registrations: plausible counts per workshop, a waitlist on the first full one, fake names only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { makeEvent, makeOrganiser } from '../../../../tests/support/event-factories.js';
import { seedRegistrationsDemo } from './registrations.demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('seedRegistrationsDemo', () => {
  it('fills the published and concluded workshops, one with a waitlist; drafts and webinars untouched', async () => {
    const org = await makeOrganiser(t.db);
    const startsAt = new Date('2026-09-01T09:00:00Z');
    const mk = async (o: Parameters<typeof makeEvent>[2]) => ({
      ...(await makeEvent(t.db, org, { startsAt, ...o })),
      kind: o?.kind ?? ('WORKSHOP_TERRITORIALE' as const),
      status: o?.status ?? ('PUBBLICATO' as const),
      regionCode: o?.regionCode ?? '18',
      startsAt,
    });
    const events = [
      await mk({ capacity: 30 }),
      await mk({ capacity: 60 }),
      await mk({ capacity: 60, status: 'CONCLUSO', regionCode: '12' }),
      await mk({ capacity: 60, status: 'BOZZA' }),
      await mk({ capacity: 60, kind: 'WEBINAR' }),
    ];
    const n = await t.db.ownerTx((tx) => seedRegistrationsDemo(tx, events));
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ event_id: string; confirmed: number; waiting: number; fake: number; total: number }>(
        `SELECT event_id, count(*) FILTER (WHERE status = 'CONFERMATA')::int AS confirmed,
                count(*) FILTER (WHERE status = 'IN_ATTESA')::int AS waiting,
                count(*) FILTER (WHERE email LIKE '%@example.invalid' AND full_name LIKE '%(demo)')::int AS fake,
                count(*)::int AS total
           FROM evt_registrations WHERE event_id = ANY($1) GROUP BY event_id`,
        [events.map((e) => e.id)],
      ),
    );
    const by = new Map(rows.map((r) => [r.event_id, r]));
    expect(by.get(events[0]!.id)).toMatchObject({ confirmed: 30, waiting: 8 });
    for (const e of events.slice(1, 3)) {
      const r = by.get(e.id)!;
      expect(r.total).toBeGreaterThanOrEqual(15);
      expect(r.total).toBeLessThanOrEqual(40);
      expect(r.waiting).toBe(0);
    }
    expect(by.has(events[3]!.id)).toBe(false);
    expect(by.has(events[4]!.id)).toBe(false);
    expect(rows.every((r) => r.fake === r.total)).toBe(true);
    expect(n).toBe(rows.reduce((s, r) => s + r.total, 0));
  });
});
