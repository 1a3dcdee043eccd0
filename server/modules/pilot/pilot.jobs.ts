import type { JobDefinition } from '../../platform/jobs.js';

/** The pilot's jobs (being written in this session). */
export const pilotJobs: JobDefinition<unknown>[] = [];
