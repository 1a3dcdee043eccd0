import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { sendQueryDigest } from './queries.digest.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/**
 * Daily at 06:45 UTC: one e-mail per member of a lead Comune's staff with query threads overdue.
 * Nothing without an SMTP relay; at most one digest per user and day.
 */
export const queryDigestJob: JobDefinition<Record<string, never>> = {
  name: 'projects.query-digest',
  payload: noPayload,
  cron: '45 6 * * *',
  async handler(ctx) {
    await sendQueryDigest(ctx);
  },
};
