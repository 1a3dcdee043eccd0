/** API schemas of a wave's results: the questions, results per question, cross-tabulation, areas. */
import { z } from 'zod';
import { queryBool } from '../../../platform/pagination.js';
import { universeBands, universeMacroAreas } from '../shared/universe.js';

export const waveParams = z.object({ waveId: z.uuid() }).strict();

export const localText = z
  .object({ it: z.string().optional(), en: z.string().optional() })
  .meta({ id: 'SurveyLocalText' });
const questionName = z.string().regex(/^[\p{L}_][\p{L}\p{N}._-]*$/u, 'A question code of the questionnaire');

/** The filters every results endpoint takes: they narrow the Comuni whose answers count. */
export const resultFilters = {
  region: z
    .string()
    .regex(/^\d{2}$/, 'A Region as its two-digit ISTAT code')
    .optional()
    .describe('Region (ISTAT code, two digits)'),
  macroArea: z.enum(universeMacroAreas).optional().describe('Macro-area: NO, NE, C, S, I'),
  province: z
    .string()
    .regex(/^\d{3}$/, 'A province as its three-digit ISTAT code')
    .optional()
    .describe('Province (ISTAT code, three digits)'),
  band: z.enum(universeBands).optional().describe('Demographic band of the Comune'),
  sai: queryBool.optional().describe('Comuni in the SAI network (true) or not (false)'),
  pilot: queryBool.optional().describe('Comuni of the 18-ter pilot (true) or not (false)'),
};
/** The filters as applied, echoed in the answers. */
const filtersObject = z
  .object({ ...resultFilters, sai: z.boolean().optional(), pilot: z.boolean().optional() })
  .meta({ id: 'SurveyResultFilters' });
export type ResultFilters = z.infer<typeof filtersObject>;

/** A published figure: a number, "<10" for a count of persons between 1 and 9, or null (none). */
const figure = z.union([z.number(), z.literal('<10')]).nullable();

export const resultKindSchema = z
  .enum(['choice', 'multiple', 'number', 'range', 'text', 'answered'])
  .meta({ id: 'SurveyResultKind' });

const choiceSchema = z.object({ code: z.string(), label: localText });

export const resultQuestionSchema = z
  .object({
    name: z.string(),
    kind: resultKindSchema,
    label: localText,
    section: z.object({ name: z.string(), label: localText }).nullable(),
    /** answered once per entry of a repeat (e.g. per settlement) rather than once per Comune */
    inRepeat: z.boolean(),
    /** the repeat it is answered in (the innermost), or null: the name the export's `repeat` takes */
    repeat: z.string().nullable(),
    choices: z.array(choiceSchema),
    /** a count of persons: disclosure-controlled for every viewer but ANCI/Cittalia */
    persons: z.boolean(),
  })
  .meta({ id: 'SurveyResultQuestion' });

export const resultQuestionListSchema = z
  .object({
    waveId: z.uuid(),
    /** false: figures about persons are controlled and free text is left out */
    full: z.boolean(),
    items: z.array(resultQuestionSchema),
  })
  .meta({ id: 'SurveyResultQuestionList' });

export const resultsQuerySchema = z
  .object({
    question: z.string().min(1).max(2000).describe('One or more question codes, comma-separated (at most 20)'),
    ...resultFilters,
  })
  .strict();
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

const textItem = z.object({ comune: z.string(), text: z.string() });
const textsSchema = z.object({ total: z.number().int(), items: z.array(textItem) });

export const questionResultSchema = z
  .object({
    question: resultQuestionSchema,
    /** how many Comuni answered the question (among those counted after the filters) */
    base: z.number().int(),
    /** for a question in a repeat: how many entries answered it (percentages are over entries) */
    entries: z.number().int().nullable(),
    /** withheld from this viewer: fewer than 3 Comuni answered */
    suppressed: z.boolean(),
    /** choice and multiple: per choice, how many answered it and the share of the answers (0–1) */
    choices: z
      .array(
        z.object({
          code: z.string(),
          label: localText,
          count: z.number().int().nullable(),
          share: z.number().nullable(),
        }),
      )
      .nullable(),
    /** number: over the answers */
    number: z
      .object({
        n: z.number().int(),
        sum: z.number().nullable(),
        mean: z.number().nullable(),
        median: z.number().nullable(),
        min: z.number().nullable(),
        max: z.number().nullable(),
      })
      .nullable(),
    /**
     * range (counts of persons): how many gave a figure, the sum of the minima and of the maxima
     * (an exact figure is both), how many answers are certain, estimated or unknown, and the share
     * of estimates among the answers with a figure (0–1)
     */
    range: z
      .object({
        n: z.number().int(),
        sumMin: figure,
        sumMax: figure,
        certain: z.number().int(),
        estimated: z.number().int(),
        unknown: z.number().int(),
        estimateShare: z.number().nullable(),
      })
      .nullable(),
    /** free text (ANCI/Cittalia only): the answers, at most 500, with the Comune's name */
    texts: textsSchema.nullable(),
    /** the texts of "Altro (specificare)" (ANCI/Cittalia only) */
    otherTexts: textsSchema.nullable(),
  })
  .meta({ id: 'SurveyQuestionResult' });
export type QuestionResultOut = z.infer<typeof questionResultSchema>;

export const resultsSchema = z
  .object({
    waveId: z.uuid(),
    full: z.boolean(),
    filters: filtersObject,
    /** the Comuni whose answers count (sent and later, after the filters) */
    respondents: z.number().int(),
    questions: z.array(questionResultSchema),
    note: localText,
  })
  .meta({ id: 'SurveyResults' });
export type ResultsOut = z.infer<typeof resultsSchema>;

export const crosstabQuerySchema = z.object({ row: questionName, col: questionName, ...resultFilters }).strict();
export type CrosstabQuery = z.infer<typeof crosstabQuerySchema>;

const countRow = z.object({ code: z.string(), count: z.number().int() });
export const crosstabSchema = z
  .object({
    waveId: z.uuid(),
    full: z.boolean(),
    filters: filtersObject,
    respondents: z.number().int(),
    row: resultQuestionSchema,
    col: resultQuestionSchema,
    /** the Comuni that answered both questions */
    base: z.number().int(),
    suppressed: z.boolean(),
    /** Comuni per pair of choices (a multiple choice counts a Comune under each choice it made) */
    cells: z.array(z.object({ row: z.string(), col: z.string(), count: z.number().int() })),
    rowTotals: z.array(countRow),
    colTotals: z.array(countRow),
    note: localText,
  })
  .meta({ id: 'SurveyResultsCrosstab' });
export type CrosstabOut = z.infer<typeof crosstabSchema>;

export const areaLevelSchema = z.enum(['regione', 'provincia', 'comune']).meta({ id: 'SurveyAreaLevel' });
export type AreaLevel = z.infer<typeof areaLevelSchema>;

export const areasQuerySchema = z
  .object({
    question: questionName,
    level: areaLevelSchema,
    choice: z.string().min(1).max(200).optional().describe('For a choice question: the choice whose share is mapped'),
    ...resultFilters,
  })
  .strict();
export type AreasQuery = z.infer<typeof areasQuerySchema>;

export const areasSchema = z
  .object({
    level: areaLevelSchema,
    question: z.string(),
    choice: z.string().nullable(),
    /** share: of the answers, those with the choice (0–1); mean: of the answers; sum_min: sum of the minima (persons) */
    measure: z.enum(['share', 'mean', 'sum_min']),
    full: z.boolean(),
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        value: z.number().nullable(),
        suppressed: z.boolean(),
        base: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'SurveyResultAreas' });
export type AreasOut = z.infer<typeof areasSchema>;
