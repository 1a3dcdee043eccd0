/** API schemas of a wave's settlements register (issue 11, item 3): the settlements of the census, per Comune. */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';

const code = z.string().regex(/^[\p{L}\p{N}_-]+$/u, 'A choice code of the questionnaire');

export const settlementsQuerySchema = z
  .object({
    region: z
      .string()
      .regex(/^\d{2}$/, 'A Region as its two-digit ISTAT code')
      .optional()
      .describe('Region (ISTAT code, two digits)'),
    type: z.enum(['formale', 'informale']).optional().describe('Formal or informal settlements'),
    kind: code.max(100).optional().describe('The kind of settlement (a code of the formal or informal kinds)'),
    ...pageQuery,
  })
  .strict();
export type SettlementsQuery = z.infer<typeof settlementsQuerySchema>;

/** A published count of persons: a number, "<10" for 1–9 (non-ANCI viewers), or null (not given). */
const persons = z.union([z.number(), z.literal('<10')]).nullable();

export const settlementSchema = z
  .object({
    comune: z.object({
      istat: z.string(),
      name: z.string(),
      province: z.object({ code: z.string(), name: z.string() }),
      region: z.object({ code: z.string(), name: z.string() }),
    }),
    /** the settlement's place in the Comune's list (1, 2, …) */
    entry: z.number().int(),
    /** the place's name as the Comune wrote it: ANCI/Cittalia only (free text), else null */
    place: z.string().nullable(),
    type: z.string().nullable(),
    kind: z.string().nullable(),
    /** people living there at the peak: a figure (min = max) or a range, with its quality */
    persons: z.object({ min: persons, max: persons, quality: z.string().nullable() }),
    season: z.string().nullable(),
    services: z.array(z.string()),
    distanceKm: z.number().nullable(),
    years: z.number().nullable(),
  })
  .meta({ id: 'SurveySettlement' });

export const settlementsSchema = pageOf(settlementSchema)
  .extend({ full: z.boolean() })
  .meta({ id: 'SurveySettlementList' });
export type SettlementsOut = z.infer<typeof settlementsSchema>;
