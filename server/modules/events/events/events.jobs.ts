import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { concludeEndedEvents } from './events.service.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/** Every ten minutes (and at start): the published events that have ended become CONCLUSO. */
export const concludeEndedEventsJob: JobDefinition<Record<string, never>> = {
  name: 'events.conclude-ended',
  payload: noPayload,
  cron: '*/10 * * * *',
  runAtStart: true,
  async handler(ctx) {
    await concludeEndedEvents(ctx);
  },
};
