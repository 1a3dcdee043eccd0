/**
 * The help desk's figures for the monitoring reports (issue 14 item 4): counts of requests (never of
 * persons) by topic, Region and month, the times to the first answer and to the resolution, the
 * share resolved within the due date, the satisfaction. No Comune is ever named.
 */
import { z } from 'zod';
import { topicSchema } from '../shared/schema.js';

export const figuresQuery = z
  .object({
    /** a Region (ANCI/Cittalia and MLPS; a Region always gets its own) */
    region: z
      .string()
      .regex(/^[0-9]{2}$/)
      .optional(),
    /** the first month counted, YYYY-MM (default: twelve months ago) */
    from: z
      .string()
      .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    /** the last month counted, YYYY-MM (default: this month) */
    to: z
      .string()
      .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  })
  .strict();
export type FiguresQuery = z.infer<typeof figuresQuery>;

const durations = z
  .object({
    /** requests measured */
    n: z.number().int(),
    /** in calendar days, one decimal */
    median: z.number().nullable(),
    p90: z.number().nullable(),
  })
  .meta({ id: 'HelpDurations' });

export const figuresSchema = z
  .object({
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    open: z.number().int(),
    byTopic: z.array(z.object({ topic: topicSchema, count: z.number().int() })),
    /** empty for a Region's own figures */
    byRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), count: z.number().int() })),
    byMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
    firstAnswer: durations,
    resolution: durations,
    /** resolved requests, and the share of them resolved by their due date (0–1) */
    resolved: z.number().int(),
    resolvedInTimeShare: z.number().nullable(),
    satisfaction: z.object({ n: z.number().int(), average: z.number().nullable() }),
  })
  .meta({ id: 'HelpFigures' });
export type Figures = z.infer<typeof figuresSchema>;
