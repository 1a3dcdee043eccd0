/**
 * The feedback demo: the default questionnaire published as a survey version, attached to the
 * concluded workshops, answered by about two thirds of those who came, the results readable by
 * the organisers through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, makeOrganiser } from '../../../../tests/support/event-factories.js';
import { startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { seedAttendanceDemo } from '../attendance/attendance.demo.js';
import { seedRegistrationsDemo } from '../registrations/registrations.demo.js';
import { seedFeedbackDemo } from './feedback.demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('seedFeedbackDemo', () => {
  it('publishes the questionnaire, attaches it to the concluded workshops and answers it for most who came', async () => {
    const org = await makeOrganiser(t.db);
    const past = new Date(t.clock.now().getTime() - 30 * 86_400_000);
    const mk = async (status: 'CONCLUSO' | 'PUBBLICATO', startsAt: Date) => {
      const e = await makeEvent(t.db, org, { status, startsAt, capacity: 40, regionCode: '16' });
      return {
        ...e,
        kind: 'WORKSHOP_TERRITORIALE' as const,
        status,
        regionCode: '16',
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
        certificateHours: 4,
      };
    };
    const events = [await mk('CONCLUSO', past), await mk('PUBBLICATO', new Date(t.clock.now().getTime() + 9e8))];
    const made = await t.db.ownerTx(async (tx) => {
      await seedRegistrationsDemo(tx, events);
      await seedAttendanceDemo(tx, events, org.id);
      return seedFeedbackDemo(tx, events, org.id, t.clock.now());
    });
    const [counts] = await t.db.ownerTx((tx) =>
      tx.query<{ attended: number; answered: number; answers: number; version_no: number; attached: number }>(
        `SELECT (SELECT count(*)::int FROM evt_registrations WHERE event_id = $1 AND attended_at IS NOT NULL) AS attended,
                (SELECT count(*)::int FROM evt_registrations WHERE event_id = $1 AND feedback_at IS NOT NULL) AS answered,
                (SELECT count(*)::int FROM evt_feedback_answers WHERE event_id = $1) AS answers,
                (SELECT version_no FROM survey_form_versions WHERE id = $2) AS version_no,
                (SELECT count(*)::int FROM evt_events WHERE feedback_form_version_id = $2) AS attached`,
        [events[0]!.id, made.formVersionId],
      ),
    );
    expect(counts).toMatchObject({ version_no: 1, attached: 1 });
    expect(counts!.answers).toBe(made.answers);
    expect(counts!.answered).toBe(counts!.answers);
    expect(counts!.answers).toBeGreaterThan(counts!.attended * 0.3);
    expect(counts!.answers).toBeLessThan(counts!.attended);
    const organiser = await loginAs(t, org);
    const res = await organiser.get<Schema<'EventFeedbackResults'>>(`/api/v1/events/${events[0]!.id}/feedback`);
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Questionario di gradimento degli eventi');
    expect(res.body.suppressed).toBe(false);
    const satisfaction = res.body.questions.find((q) => q.name === 'soddisfazione')!;
    expect(satisfaction.answered).toBe(made.answers);
    expect(satisfaction.mean).toBeGreaterThanOrEqual(3);
    expect(satisfaction.mean).toBeLessThanOrEqual(5);
    // the questionnaire is in the surveys' list, like any other
    const surveys = await organiser.get<{ items: { code: string; latestPublishedNo: number | null }[] }>(
      '/api/v1/surveys',
    );
    expect(surveys.body.items.find((s) => s.code === 'gradimento-eventi')?.latestPublishedNo).toBe(1);
  });
});
