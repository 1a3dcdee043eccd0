import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { dispatchDueMessages } from './messages.service.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/**
 * Every 5 minutes and at start: the invitations and reminders due now in every open wave
 * (decision 0037). Idempotent: each message is claimed under its unique key before it is sent, so
 * a retried or doubled run sends nothing twice.
 */
export const dispatchSurveyMessagesJob: JobDefinition<Record<string, never>> = {
  name: 'surveys.dispatch-messages',
  payload: noPayload,
  cron: '*/5 * * * *',
  runAtStart: true,
  async handler(ctx) {
    await dispatchDueMessages(ctx);
  },
};

/** The surveys module's jobs (listed in its index.ts). */
export const surveysJobs: JobDefinition<unknown>[] = [dispatchSurveyMessagesJob];
