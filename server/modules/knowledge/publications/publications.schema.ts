/**
 * API schemas of the publications (issue 14 item 3): the organisers' list and detail (drafts, every
 * version with its accessibility check), creation and change (row_version), a PDF uploaded as a new
 * version, publication (of the latest version, or one named), withdrawal, a wave's report published
 * in one step; the public library's search, page and file download (published versions only).
 */
import { z } from 'zod';
import { uploadFileFields } from '../../../platform/documents/index.js';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import {
  accessibilityIssues,
  publicationKinds,
  publicationStatuses,
  publicationTopics,
  versionSources,
} from './publications.vocabulary.js';

const instant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with its offset');
const day = z.iso.date().describe('A date, YYYY-MM-DD');
const rowVersion = z.number().int().min(1);

export const publicationKindSchema = z.enum(publicationKinds).meta({ id: 'PublicationKind' });
export const publicationStatusSchema = z.enum(publicationStatuses).meta({ id: 'PublicationStatus' });
export const publicationTopicSchema = z
  .enum(publicationTopics)
  .meta({ id: 'PublicationTopic', description: 'An axis of the Piano triennale' });
export const accessibilityIssueSchema = z.enum(accessibilityIssues).meta({ id: 'PdfAccessibilityIssue' });

export const publicationParams = z.object({ publicationId: z.uuid() }).strict();
export const versionParams = z
  .object({ publicationId: z.uuid(), number: z.coerce.number().int().min(1).max(100000) })
  .strict();
const slug = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
export const slugParams = z.object({ slug }).strict();
export const publicVersionParams = z.object({ slug, number: z.coerce.number().int().min(1).max(100000) }).strict();

export const listPublicationsQuerySchema = z
  .object({
    kind: publicationKindSchema.optional(),
    status: publicationStatusSchema.optional(),
    q: z.string().trim().min(1).max(200).optional().describe('Words of the title, abstract or keywords (Italian)'),
    ...pageQuery,
  })
  .strict();
export type ListPublicationsQuery = z.infer<typeof listPublicationsQuerySchema>;

export const listPublicPublicationsQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Search in the title, keywords and abstract, Italian stemming (manuale finds manuali); quoted phrases, OR and -word as in a web search',
      ),
    kind: publicationKindSchema.optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional().describe('The year of the publication date'),
    topic: publicationTopicSchema.optional(),
    ...pageQuery,
  })
  .strict();
export type ListPublicPublicationsQuery = z.infer<typeof listPublicPublicationsQuerySchema>;

const words = (max: number, each: number) =>
  z
    .array(z.string().trim().min(1).max(each))
    .max(max)
    .refine((a) => new Set(a.map((s) => s.toLowerCase())).size === a.length, 'No word twice');

const fields = {
  kind: publicationKindSchema,
  title: z.string().trim().min(3).max(300),
  abstract: z.string().trim().min(1).max(5000),
  authors: words(30, 200).describe('Authors: persons or offices, as printed'),
  publishedOn: day.nullable().describe('The date printed on the document'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)
    .describe('The language of the document, BCP 47 (it, en, it-IT)'),
  keywords: words(30, 80),
  topics: z
    .array(publicationTopicSchema)
    .max(4)
    .refine((a) => new Set(a).size === a.length, 'No axis twice'),
  licence: z.string().trim().min(2).max(200).describe('e.g. CC BY 4.0'),
  surveyWaveId: z.uuid().nullable().describe('The survey wave a report is about'),
  regionCode: z
    .string()
    .regex(/^[0-9]{2}$/)
    .nullable()
    .describe('The Region the document is about, by its ISTAT code'),
};

export const createPublicationSchema = z
  .object({
    ...fields,
    authors: fields.authors.default([]),
    publishedOn: fields.publishedOn.default(null),
    language: fields.language.default('it'),
    keywords: fields.keywords.default([]),
    topics: fields.topics.default([]),
    licence: fields.licence.default('CC BY 4.0'),
    surveyWaveId: fields.surveyWaveId.default(null),
    regionCode: fields.regionCode.default(null),
  })
  .strict()
  .meta({ id: 'PublicationCreate' });
export type CreatePublicationBody = z.infer<typeof createPublicationSchema>;

export const patchPublicationSchema = z
  .object({ rowVersion, ...fields })
  .partial()
  .required({ rowVersion: true })
  .strict()
  .meta({ id: 'PublicationPatch' });
export type PatchPublicationBody = z.infer<typeof patchPublicationSchema>;

export const uploadVersionSchema = z
  .object({
    ...uploadFileFields,
    note: z.string().trim().min(1).max(1000).optional().describe('What changed in this version'),
    rowVersion: rowVersion.optional(),
  })
  .strict()
  .meta({ id: 'PublicationVersionUpload' });
export type UploadVersionBody = z.infer<typeof uploadVersionSchema>;

export const publishPublicationSchema = z
  .object({
    rowVersion: rowVersion.optional(),
    version: z.number().int().min(1).optional().describe('The version to publish (default: the latest)'),
    exceptionReason: z
      .string()
      .trim()
      .min(20)
      .max(1000)
      .optional()
      .describe(
        'Why a version that fails the accessibility check is published all the same (kept in the audit trail); without it such a version is refused',
      ),
  })
  .strict()
  .meta({ id: 'PublicationPublish' });
export type PublishPublicationBody = z.infer<typeof publishPublicationSchema>;

export const withdrawPublicationSchema = z
  .object({ reason: z.string().trim().min(3).max(1000), rowVersion: rowVersion.optional() })
  .strict()
  .meta({ id: 'PublicationWithdraw' });
export type WithdrawPublicationBody = z.infer<typeof withdrawPublicationSchema>;

export const publishSurveyReportSchema = z.object({ waveId: z.uuid() }).strict().meta({ id: 'SurveyReportPublish' });
export type PublishSurveyReportBody = z.infer<typeof publishSurveyReportSchema>;

export const publicationVersionSchema = z
  .object({
    number: z.number().int(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    pageCount: z.number().int().nullable(),
    accessible: z
      .boolean()
      .describe('Passed the accessibility check (tagged, structured, language, title, not encrypted)'),
    accessibilityIssues: z.array(accessibilityIssueSchema),
    note: z.string().nullable(),
    source: z.enum(versionSources).describe('CARICAMENTO (uploaded) or RAPPORTO_INDAGINE (generated by the platform)'),
    uploadedAt: instant,
  })
  .meta({ id: 'PublicationVersion' });
export type PublicationVersionOut = z.infer<typeof publicationVersionSchema>;

const metadata = {
  id: z.uuid(),
  slug: z.string(),
  kind: publicationKindSchema,
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  publishedOn: day.nullable(),
  language: z.string(),
  keywords: z.array(z.string()),
  topics: z.array(publicationTopicSchema),
  licence: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  surveyWaveId: z.uuid().nullable(),
};

export const publicationSummarySchema = z
  .object({
    ...metadata,
    status: publicationStatusSchema,
    publishedVersion: z.number().int().nullable().describe('The version the public sees'),
    latestVersion: z.number().int().nullable(),
    latestAccessible: z.boolean().nullable().describe('Whether the latest version passed the accessibility check'),
    updatedAt: instant,
  })
  .meta({ id: 'PublicationSummary' });
export type PublicationSummary = z.infer<typeof publicationSummarySchema>;
export const publicationPageSchema = pageOf(publicationSummarySchema).meta({ id: 'PublicationPage' });

export const publicationDetailSchema = z
  .object({
    ...publicationSummarySchema.shape,
    withdrawnReason: z.string().nullable(),
    firstPublishedAt: instant.nullable(),
    versions: z.array(publicationVersionSchema).describe('Newest first'),
    rowVersion: z.number().int(),
    createdAt: instant,
  })
  .meta({ id: 'PublicationDetail' });
export type PublicationDetail = z.infer<typeof publicationDetailSchema>;

const publicVersionSchema = publicationVersionSchema
  .pick({
    number: true,
    fileName: true,
    sizeBytes: true,
    pageCount: true,
    accessible: true,
    note: true,
    uploadedAt: true,
  })
  .meta({ id: 'PublicPublicationVersion' });

export const publicPublicationSummarySchema = z
  .object({
    ...metadata,
    version: z.number().int().describe('The version shown (the latest published)'),
    sizeBytes: z.number().int(),
    accessible: z.boolean(),
  })
  .meta({ id: 'PublicPublicationSummary' });
export type PublicPublicationSummary = z.infer<typeof publicPublicationSummarySchema>;
export const publicPublicationPageSchema = pageOf(publicPublicationSummarySchema).meta({
  id: 'PublicPublicationPage',
});

export const publicPublicationSchema = z
  .object({
    ...publicPublicationSummarySchema.shape,
    firstPublishedAt: instant,
    versions: z.array(publicVersionSchema).describe('The published versions, newest first'),
  })
  .meta({ id: 'PublicPublication' });
export type PublicPublication = z.infer<typeof publicPublicationSchema>;
