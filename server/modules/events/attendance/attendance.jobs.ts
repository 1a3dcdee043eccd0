import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { eraseExpiredRegistrations } from './attendance.service.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/** Every night (and at start): the external participants' data erased at the end of retention (decision 0055). */
export const eraseExpiredRegistrationsJob: JobDefinition<Record<string, never>> = {
  name: 'events.erase-expired-registrations',
  payload: noPayload,
  cron: '17 3 * * *',
  runAtStart: true,
  async handler(ctx) {
    await eraseExpiredRegistrations(ctx);
  },
};
