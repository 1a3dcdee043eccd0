import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs.js';
import { refreshTasksJob } from '../shared/tasks.js';
import { generateTasks, sendDailyDigest } from './tasks.service.js';

const noPayload = z.object({}).strict() as z.ZodType<Record<string, never>>;

/**
 * Daily at 05:10 UTC, a safety net behind the refresh on every change and at start
 * (`pilot.refresh-tasks`): every pilot Comune's work list brought in line with the data, so that
 * the tasks that fall due with the days (permit reminders at 90/60/30 days, PAI reviews,
 * follow-ups, late measures, next year's allocation) appear. Idempotent.
 */
export const generateTasksJob: JobDefinition<Record<string, never>> = {
  name: 'pilot.generate-tasks',
  payload: noPayload,
  cron: '10 5 * * *',
  async handler(ctx) {
    await generateTasks(ctx);
  },
};

/**
 * Daily at 06:30 UTC, after the generation: one e-mail per user with open tasks overdue or due
 * within 7 days. Nothing without an SMTP relay; at most one digest per user and day (audit log).
 */
export const dailyDigestJob: JobDefinition<Record<string, never>> = {
  name: 'pilot.daily-digest',
  payload: noPayload,
  cron: '30 6 * * *',
  async handler(ctx) {
    await sendDailyDigest(ctx);
  },
};

/** The pilot's jobs, started by main.ts. */
export const pilotJobs: JobDefinition<unknown>[] = [generateTasksJob, dailyDigestJob, refreshTasksJob];
