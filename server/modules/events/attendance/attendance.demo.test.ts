/**
 * The demo attendance: the concluded workshops have most confirmed participants checked in and
 * certified (certificates that verify on the public page), the published ones none; the figures
 * then count real numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, makeOrganiser } from '../../../../tests/support/event-factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { seedRegistrationsDemo } from '../registrations/registrations.demo.js';
import { DEMO_TURNOUT, seedAttendanceDemo } from './attendance.demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('seedAttendanceDemo', () => {
  it('checks in most confirmed participants of the concluded workshops and certifies them; published ones untouched', async () => {
    const org = await makeOrganiser(t.db);
    const past = new Date(t.clock.now().getTime() - 20 * 86_400_000);
    const future = new Date(t.clock.now().getTime() + 20 * 86_400_000);
    const mk = async (status: 'CONCLUSO' | 'PUBBLICATO', startsAt: Date, regionCode: string) => {
      const e = await makeEvent(t.db, org, {
        status,
        startsAt,
        capacity: 40,
        regionCode,
        kind: 'WORKSHOP_TERRITORIALE',
      });
      return {
        ...e,
        kind: 'WORKSHOP_TERRITORIALE' as const,
        status,
        regionCode,
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
        certificateHours: 4,
      };
    };
    const events = [
      await mk('CONCLUSO', past, '16'),
      await mk('CONCLUSO', past, '17'),
      await mk('PUBBLICATO', future, '16'),
    ];
    const made = await t.db.ownerTx(async (tx) => {
      await seedRegistrationsDemo(tx, events);
      return seedAttendanceDemo(tx, events, org.id);
    });
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{
        event_id: string;
        confirmed: number;
        attended: number;
        certified: number;
        by_org: number;
        in_time: number;
      }>(
        `SELECT r.event_id, count(*) FILTER (WHERE r.status = 'CONFERMATA')::int AS confirmed,
                count(r.attended_at)::int AS attended, count(r.certificate_code)::int AS certified,
                count(*) FILTER (WHERE r.checked_in_by = $2)::int AS by_org,
                count(*) FILTER (WHERE r.attended_at BETWEEN e.starts_at - interval '1 hour' AND e.ends_at)::int AS in_time
           FROM evt_registrations r JOIN evt_events e ON e.id = r.event_id
          WHERE r.event_id = ANY($1) GROUP BY r.event_id`,
        [events.map((e) => e.id), org.id],
      ),
    );
    const by = new Map(rows.map((r) => [r.event_id, r]));
    for (const e of events.slice(0, 2)) {
      const r = by.get(e.id)!;
      // most came, not all: about DEMO_TURNOUT, the same ones at every load
      expect(r.attended).toBeGreaterThan(r.confirmed * (DEMO_TURNOUT - 0.3));
      expect(r.attended).toBeLessThanOrEqual(r.confirmed);
      expect(r.certified).toBe(r.attended);
      expect(r.by_org).toBe(r.attended);
      expect(r.in_time).toBe(r.attended);
    }
    expect(by.get(events[2]!.id)).toMatchObject({ attended: 0, certified: 0 });
    expect(made.attended).toBe(rows.reduce((s, r) => s + r.attended, 0));
    expect(made.certificates).toBe(made.attended);

    // a demo certificate verifies on the public page
    const [one] = await t.db.ownerTx((tx) =>
      tx.query<{ code: string }>(
        'SELECT certificate_code AS code FROM evt_registrations WHERE event_id = $1 AND certificate_code IS NOT NULL LIMIT 1',
        [events[0]!.id],
      ),
    );
    const v = await new Agent(t.app).post<{ valid: boolean }>('/api/v1/public/certificates/verify', {
      code: one!.code,
    });
    expect(v.body.valid).toBe(true);
    // the figures count them
    const organiser = await loginAs(t, await makeOrganiser(t.db));
    const figures = await organiser.get<Schema<'EventParticipationFigures'>>(
      '/api/v1/event-figures?kind=WORKSHOP_TERRITORIALE',
    );
    expect(figures.body.totals.attended).toBeGreaterThanOrEqual(made.attended);
  });
});
