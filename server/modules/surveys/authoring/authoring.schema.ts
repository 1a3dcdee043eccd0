/** The shapes of the authoring API: surveys, their questionnaire versions, XLSForm uploads. */
import { z } from 'zod';
import { maxBase64Chars } from '../../../platform/upload/index.js';

export const surveyParams = z.object({ surveyId: z.uuid() }).strict();
export const versionParams = z.object({ versionId: z.uuid() }).strict();

export const createSurveySchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
      .describe('A short stable name: lower-case letters, digits and dashes, 2–63 characters'),
    titleIt: z.string().trim().min(1).max(300),
    titleEn: z.string().trim().min(1).max(300).optional(),
    descriptionIt: z.string().trim().min(1).max(4000).optional(),
  })
  .strict()
  .meta({ id: 'SurveyCreate' });
export type CreateSurveyBody = z.infer<typeof createSurveySchema>;

const bilingual = z.object({ it: z.string(), en: z.string() });

export const surveySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    titleIt: z.string(),
    titleEn: z.string().nullable(),
    descriptionIt: z.string().nullable(),
    createdAt: z.iso.datetime(),
    versionCount: z.number().int(),
    latestPublishedNo: z.number().int().nullable().describe('the number of the latest published version'),
    waveCount: z.number().int(),
  })
  .meta({ id: 'Survey' });
export type SurveyOut = z.infer<typeof surveySchema>;

export const surveyListSchema = z.object({ items: z.array(surveySchema) }).meta({ id: 'SurveyList' });

export const versionStatus = z.enum(['draft', 'published']);

export const versionSummarySchema = z
  .object({
    id: z.uuid(),
    versionNo: z.number().int().nullable().describe('given at publication; null for a draft'),
    status: versionStatus,
    questionCount: z.number().int(),
    sourceFilename: z.string().nullable(),
    createdAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    changeSummary: bilingual
      .nullable()
      .describe(
        'What changed from the previous published version ("3 domande aggiunte, 1 rimossa"); null for the first',
      ),
  })
  .meta({ id: 'SurveyVersionSummary' });
export type VersionSummaryOut = z.infer<typeof versionSummarySchema>;

export const surveyDetailSchema = surveySchema
  .extend({ versions: z.array(versionSummarySchema).describe('newest first') })
  .meta({ id: 'SurveyDetail' });

export const importVersionSchema = z
  .object({
    filename: z.string().trim().min(1).max(255),
    contentBase64: z.base64().max(maxBase64Chars()).describe('The XLSForm (.xlsx) in base64'),
  })
  .strict()
  .meta({ id: 'SurveyVersionImport' });
export type ImportVersionBody = z.infer<typeof importVersionSchema>;

export const xlsformIssueSchema = z
  .object({
    code: z.string(),
    sheet: z.string(),
    row: z.number().int().nullable(),
    column: z.string().nullable(),
    message: z.string().describe('in Italian'),
    messageEn: z.string(),
  })
  .meta({ id: 'XlsFormIssue' });
export type XlsFormIssueOut = z.infer<typeof xlsformIssueSchema>;

export const changesSchema = z
  .object({
    previousVersionNo: z.number().int().nullable().describe('the published version compared with; null: none'),
    summary: bilingual.nullable(),
    counts: z.array(z.object({ kind: z.string(), count: z.number().int() })),
    items: z.array(z.object({ kind: z.string(), it: z.string(), en: z.string() })),
  })
  .meta({ id: 'SurveyVersionChanges' });
export type ChangesOut = z.infer<typeof changesSchema>;

export const versionDetailSchema = versionSummarySchema
  .omit({ changeSummary: true })
  .extend({
    surveyId: z.uuid(),
    surveyCode: z.string(),
    surveyTitleIt: z.string(),
    form: z
      .record(z.string(), z.unknown())
      .describe('The questionnaire model (server/modules/surveys/shared/form/model.ts, decision 0034)'),
    report: z.object({ warnings: z.array(xlsformIssueSchema) }).describe('what the import reported'),
    changes: changesSchema,
  })
  .meta({ id: 'SurveyVersion' });
export type VersionDetailOut = z.infer<typeof versionDetailSchema>;
