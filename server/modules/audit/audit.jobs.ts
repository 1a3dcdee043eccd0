import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs.js';
import { writeAuditCheckpoint } from './audit.service.js';

/**
 * Every 10 minutes and at each start: appends a signed checkpoint of the audit chain's head to the
 * checkpoints file outside the database (decision 0019), when the head moved and the chain still
 * extends the last checkpoint. Idempotent: a rerun with the same head writes nothing.
 */
export const auditCheckpointJob: JobDefinition<Record<string, never>> = {
  name: 'audit.checkpoint',
  payload: z.object({}).strict(),
  cron: '*/10 * * * *',
  runAtStart: true,
  async handler(ctx) {
    await writeAuditCheckpoint(ctx);
  },
};
