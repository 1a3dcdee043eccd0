/**
 * API schemas of the comparison of a question across two waves and of the mapping between the
 * waves' questionnaires (issue 11, item 4; decision 0043).
 */
import { z } from 'zod';
import { questionResultSchema, resultFilters, resultQuestionSchema } from './results.schema.js';

const questionCode = z
  .string()
  .regex(/^[\p{L}_][\p{L}\p{N}._-]*$/u, 'A question code of the questionnaire')
  .max(200);
const choiceCode = z.string().min(1).max(200);

export const comparisonParams = z.object({ waveId: z.uuid(), otherWaveId: z.uuid() }).strict();

/** One recorded change between the earlier and the later wave's questionnaire. */
export const waveMappingSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        /** the same question (renamed when the codes differ), its choices recoded old → new */
        kind: z.literal('match'),
        earlier: questionCode,
        later: questionCode,
        recodes: z
          .array(z.object({ from: choiceCode, to: choiceCode }).strict())
          .max(200)
          .default([]),
      })
      .strict(),
    z
      .object({
        /** one question of the earlier wave became several in the later one */
        kind: z.literal('split'),
        earlier: questionCode,
        later: z.array(questionCode).min(2).max(20),
      })
      .strict(),
    z
      .object({
        /** several questions of the earlier wave became one in the later one */
        kind: z.literal('merge'),
        earlier: z.array(questionCode).min(2).max(20),
        later: questionCode,
      })
      .strict(),
    z
      .object({
        /** the figures of the question (in either wave, or both) are not comparable, for the reason given */
        kind: z.literal('not_comparable'),
        earlier: questionCode.nullable().default(null),
        later: questionCode.nullable().default(null),
        reason: z.string().trim().min(1).max(2000),
      })
      .strict(),
  ])
  .meta({ id: 'SurveyWaveMapping' });
export type WaveMapping = z.infer<typeof waveMappingSchema>;

const waveRef = z
  .object({ id: z.uuid(), title: z.string(), opensOn: z.string(), surveyId: z.uuid() })
  .meta({ id: 'SurveyComparedWave' });

export const waveMappingsInSchema = z
  .object({ items: z.array(waveMappingSchema).max(500) })
  .strict()
  .meta({ id: 'SurveyWaveMappingsBody' });
export type WaveMappingsIn = z.infer<typeof waveMappingsInSchema>;

export const waveMappingsSchema = z
  .object({
    earlier: waveRef,
    later: waveRef,
    items: z.array(waveMappingSchema),
    /** may this viewer change the mapping (ANCI/Cittalia) */
    canManage: z.boolean(),
  })
  .meta({ id: 'SurveyWaveMappings' });
export type WaveMappingsOut = z.infer<typeof waveMappingsSchema>;

export const comparableWavesSchema = z
  .object({
    items: z.array(waveRef.extend({ sameSurvey: z.boolean() }).meta({ id: 'SurveyComparableWave' })),
  })
  .meta({ id: 'SurveyComparableWaves' });
export type ComparableWavesOut = z.infer<typeof comparableWavesSchema>;

export const comparisonWarningCodes = [
  // the two waves belong to different surveys: only questions with the same code are matched
  'different_survey',
  'missing_earlier',
  'missing_later',
  'type_changed',
  'choices_changed',
  'labels_changed',
  'renamed',
  'recoded',
  'split',
  'merged',
  'not_comparable',
] as const;

export const comparisonWarningSchema = z
  .object({
    code: z.enum(comparisonWarningCodes),
    /** the codes concerned: questions (split, merged, renamed) or choices (choices_changed, recoded) */
    codes: z.array(z.string()),
    /** not_comparable: the reason ANCI/Cittalia recorded */
    reason: z.string().nullable(),
  })
  .meta({ id: 'SurveyComparisonWarning' });
export type ComparisonWarning = z.infer<typeof comparisonWarningSchema>;

export const comparisonQuerySchema = z
  .object({
    other: z.uuid().describe('The other wave'),
    question: questionCode.describe('A question code of this wave (the path’s wave)'),
    comune: z
      .string()
      .regex(/^\d{6}$/, 'A Comune as its six-digit ISTAT code')
      .optional()
      .describe('A Comune (ISTAT code): its own figures in both waves'),
    ...resultFilters,
  })
  .strict();
export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

const side = questionResultSchema.nullable();
const pair = z.object({ earlier: side, later: side });

export const comparisonSchema = z
  .object({
    earlier: waveRef,
    later: waveRef,
    full: z.boolean(),
    /** the question in each wave (null: missing there, or several questions of a split/merge) */
    questions: z.object({ earlier: resultQuestionSchema.nullable(), later: resultQuestionSchema.nullable() }),
    warnings: z.array(comparisonWarningSchema),
    /** Comuni whose answers count, after the filters: in each wave, and in both (the panel) */
    respondents: z.object({ earlier: z.number().int(), later: z.number().int(), panel: z.number().int() }),
    /** the figures over all the Comuni that count in each wave (the earlier wave's choices recoded) */
    all: pair,
    /** the same over the panel only */
    panel: pair,
    /** the Comune asked for: its own figures in each wave (null when not asked) */
    comune: z.object({ istat: z.string(), name: z.string(), earlier: side, later: side }).nullable(),
    note: z.object({ it: z.string().optional(), en: z.string().optional() }),
  })
  .meta({ id: 'SurveyWaveComparison' });
export type ComparisonOut = z.infer<typeof comparisonSchema>;
