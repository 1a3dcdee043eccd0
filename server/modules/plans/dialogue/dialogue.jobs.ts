import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { sendThreadNotices } from './dialogue.notices.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/**
 * Every minute (and at start): the e-mails owed for the dialogue's new messages, once each.
 * Nothing without an SMTP relay.
 */
export const threadNoticesJob: JobDefinition<Record<string, never>> = {
  name: 'plans.thread-notices',
  payload: noPayload,
  cron: '* * * * *',
  runAtStart: true,
  async handler(ctx) {
    await sendThreadNotices(ctx);
  },
};
