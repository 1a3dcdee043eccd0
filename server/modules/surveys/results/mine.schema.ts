/** API schema of a Comune's own results next to its Region's and Italy's (issue 11 item 8). */
import { z } from 'zod';
import { responseStatusSchema } from '../shared/status.js';
import { localText, resultQuestionSchema } from './results.schema.js';

const figure = z.union([z.number(), z.literal('<10')]).nullable();

/** The figures of one question over the Comuni of an area (Italy, or the Comune's Region). */
const areaFiguresSchema = z
  .object({
    /** how many Comuni answered the question in the area */
    base: z.number().int(),
    /** withheld: fewer than 3 Comuni answered */
    suppressed: z.boolean(),
    /** choice: per choice, the Comuni that chose it and their share of those that answered (0–1) */
    choices: z
      .array(z.object({ code: z.string(), label: localText, count: z.number().int(), share: z.number().nullable() }))
      .nullable(),
    /** number: how many gave a number and their mean */
    number: z.object({ n: z.number().int(), mean: z.number().nullable() }).nullable(),
    /** range (persons): how many gave a figure, the sums of the minima and maxima (controlled) */
    range: z.object({ n: z.number().int(), sumMin: figure, sumMax: figure }).nullable(),
  })
  .meta({ id: 'SurveyMyResultsArea' });

/** The Comune's own answer, as given (choices with their labels). */
const ownAnswerSchema = z
  .object({
    choices: z.array(z.object({ code: z.string(), label: localText })).nullable(),
    number: z.number().nullable(),
    range: z
      .object({ min: z.number().nullable(), max: z.number().nullable(), quality: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'SurveyMyAnswer' });

export const myResultsSchema = z
  .object({
    waveId: z.uuid(),
    responseId: z.uuid(),
    status: responseStatusSchema,
    comune: z.object({ istat: z.string(), name: z.string() }),
    region: z.object({ code: z.string(), name: z.string() }),
    /** Comuni whose response counts: in Italy and in the Region */
    respondents: z.object({ italy: z.number().int(), region: z.number().int() }),
    items: z.array(
      z.object({
        question: resultQuestionSchema,
        /** the Comune's answer; null when it did not answer the question */
        answer: ownAnswerSchema.nullable(),
        region: areaFiguresSchema,
        italy: areaFiguresSchema,
      }),
    ),
    note: localText,
  })
  .meta({ id: 'SurveyMyResults' });
export type MyResultsOut = z.infer<typeof myResultsSchema>;
