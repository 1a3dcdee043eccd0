/**
 * The events' demo data, part by part (issue 14 item 6): the events part writes the 20 territorial
 * workshops, the webinar and the national conference (events/events.demo.ts), then the
 * registrations part fills the published and held workshops with registrations, one with a
 * waitlist (registrations/registrations.demo.ts), then the attendance part checks in most of the
 * concluded workshops' participants and issues their certificates (attendance/attendance.demo.ts),
 * and the feedback part publishes the default questionnaire, attaches it to the concluded workshops
 * and answers it for about two thirds of those who came (feedback/feedback.demo.ts).
 * Once: nothing when an event exists already.
 */
import type { Database } from '../../platform/db/db.js';
import { seedAttendanceDemo } from './attendance/attendance.demo.js';
import { DEMO_ORGANISER_EMAIL, seedEventsDemoAll } from './events/events.demo.js';
import { seedFeedbackDemo } from './feedback/feedback.demo.js';
import { seedRegistrationsDemo } from './registrations/registrations.demo.js';

export async function seedEventsDemoComposed(
  db: Database,
  today: Date,
): Promise<{ events: number; registrations: number; attended: number; certificates: number; feedback: number }> {
  const made = await seedEventsDemoAll(db, today);
  if (!made.created) return { events: 0, registrations: 0, attended: 0, certificates: 0, feedback: 0 };
  return db.ownerTx(async (tx) => {
    const registrations = await seedRegistrationsDemo(tx, made.events);
    const [organiser] = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO_ORGANISER_EMAIL]);
    const { attended, certificates } = await seedAttendanceDemo(tx, made.events, organiser!.id);
    const feedback = await seedFeedbackDemo(tx, made.events, organiser!.id, today);
    return { events: made.events.length, registrations, attended, certificates, feedback: feedback.answers };
  });
}
