/** API schemas of a wave's report (issue 11 item 7; decision 0045): one model, shown and downloaded. */
import { z } from 'zod';
import { questionResultSchema } from './results.schema.js';

export const reportFormats = ['json', 'pdf', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportQuerySchema = z
  .object({
    format: z
      .enum(reportFormats)
      .default('json')
      .describe('json (the model, for the page), pdf (tagged A4), docx or xlsx'),
    question: z
      .string()
      .min(1)
      .max(4000)
      .optional()
      .describe(
        'The questions whose tables the report holds, comma-separated (default: every choice, number and range question)',
      ),
  })
  .strict();
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** Comuni invited and answering (sent and later, as the results count them) in a group. */
const rateRow = z.object({
  code: z.string(),
  label: z.string(),
  invited: z.number().int(),
  answered: z.number().int(),
  /** answered / invited (0–1), null when none was invited */
  rate: z.number().nullable(),
});
export type RateRow = z.infer<typeof rateRow>;

const figure = z.union([z.number(), z.literal('<10')]).nullable();

/** Settlements in a group: how many, in how many Comuni, and their persons (sums of the ranges' ends). */
const settlementGroup = z.object({
  code: z.string(),
  label: z.string(),
  settlements: z.number().int().nullable(),
  comuni: z.number().int(),
  personsMin: figure,
  personsMax: figure,
  /** withheld from this viewer: fewer than 3 Comuni */
  suppressed: z.boolean(),
});
export type SettlementGroup = z.infer<typeof settlementGroup>;

export const reportSchema = z
  .object({
    waveId: z.uuid(),
    /** false: counts of persons controlled, small bases withheld (free text is never in a report) */
    full: z.boolean(),
    survey: z.string(),
    wave: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    /** when the report was made (ISO instant) */
    generatedAt: z.string(),
    responseRate: z.object({
      overall: rateRow,
      byRegion: z.array(rateRow),
      byBand: z.array(rateRow),
    }),
    /** the Comuni whose answers count */
    respondents: z.number().int(),
    tables: z.array(questionResultSchema),
    /** null when the questionnaire has no settlements register */
    settlements: z
      .object({
        total: settlementGroup,
        byKind: z.array(settlementGroup),
        byRegion: z.array(settlementGroup),
      })
      .nullable(),
    note: z.object({ it: z.string(), en: z.string() }),
  })
  .meta({ id: 'SurveyWaveReport' });
export type ReportOut = z.infer<typeof reportSchema>;
