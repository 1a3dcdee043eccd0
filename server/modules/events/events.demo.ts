/**
 * The events' demo data, part by part (issue 14 item 6): the events part writes the 20 territorial
 * workshops, the webinar and the national conference (events/events.demo.ts), then the
 * registrations part fills the published and held workshops with registrations, one with a
 * waitlist (registrations/registrations.demo.ts). Once: nothing when an event exists already.
 */
import type { Database } from '../../platform/db/db.js';
import { seedEventsDemoAll } from './events/events.demo.js';
import { seedRegistrationsDemo } from './registrations/registrations.demo.js';

export async function seedEventsDemoComposed(
  db: Database,
  today: Date,
): Promise<{ events: number; registrations: number }> {
  const made = await seedEventsDemoAll(db, today);
  if (!made.created) return { events: 0, registrations: 0 };
  const registrations = await db.ownerTx((tx) => seedRegistrationsDemo(tx, made.events));
  return { events: made.events.length, registrations };
}
