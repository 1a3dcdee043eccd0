import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { registrationHousekeeping, sendRegistrationNotices } from './registrations.notices.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/**
 * Every minute (and at start): unconfirmed registrations lapse, reminders are queued two days
 * before the event, and the e-mails owed to participants go out, once each.
 */
export const registrationNoticesJob: JobDefinition<Record<string, never>> = {
  name: 'events.registration-notices',
  payload: noPayload,
  cron: '* * * * *',
  runAtStart: true,
  async handler(ctx) {
    await registrationHousekeeping(ctx);
    await sendRegistrationNotices(ctx);
  },
};
