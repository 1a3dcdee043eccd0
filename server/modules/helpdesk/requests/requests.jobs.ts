import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { escalateLateRequests } from './requests.service.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/**
 * Every hour at minute 7 (and at start): the open requests past a due date are marked escalated and
 * signalled to the help desk once per due date (idempotent: a retried or overlapping run signals
 * nothing twice).
 */
export const escalationJob: JobDefinition<Record<string, never>> = {
  name: 'helpdesk.escalation',
  payload: noPayload,
  cron: '7 * * * *',
  runAtStart: true,
  async handler(ctx) {
    await escalateLateRequests(ctx);
  },
};
