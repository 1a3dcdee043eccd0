/**
 * API schemas of the good practices and case studies (issue 14 item 2): the authors' and reviewers'
 * lists, a practice's or case study's detail, creation and change (row_version), the workflow's
 * steps; the public site's search with its highlighted fragments and the public pages (published
 * only). Every text is plain text: control characters are refused (the search's hit markers are
 * control characters, so no text can forge one).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { axes, priorityActions } from '../../plans/index.js';
import {
  actorRoles,
  evidenceLevels,
  linkKinds,
  practiceSectors,
  practiceStatuses,
  sizeClasses,
} from './practices.vocabulary.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Plain text up to `max` characters: trimmed, no control characters (new lines and tabs allowed). */
export const plainText = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'Control characters are not allowed' });
const instant = z.iso.datetime({ offset: true });
const region = z
  .string()
  .regex(/^[0-9]{2}$/)
  .describe('A Region by its ISTAT code');
const istat = z
  .string()
  .regex(/^[0-9]{6}$/)
  .describe('A Comune by its ISTAT code');
const rowVersion = z.number().int().min(1);

export const practiceStatusSchema = z.enum(practiceStatuses).meta({ id: 'PracticeStatus' });
export const practiceSectorSchema = z.enum(practiceSectors).meta({ id: 'PracticeSector' });
export const evidenceLevelSchema = z.enum(evidenceLevels).meta({ id: 'EvidenceLevel' });
export const sizeClassSchema = z.enum(sizeClasses).meta({ id: 'ComuneSizeClass' });
export const actorRoleSchema = z.enum(actorRoles).meta({ id: 'PracticeActorRole' });
export const linkKindSchema = z.enum(linkKinds).meta({ id: 'PracticeLinkKind' });
const axisSchema = z.enum(axes);
const priorityActionSchema = z
  .number()
  .int()
  .refine((n) => (priorityActions as readonly number[]).includes(n), { message: 'A priority action, 1 to 10' });

export const practiceParams = z.object({ practiceId: z.uuid() }).strict();
export const caseStudyParams = z.object({ caseStudyId: z.uuid() }).strict();
export const slugParams = z
  .object({
    slug: z
      .string()
      .min(3)
      .max(80)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  })
  .strict();

const resultSchema = z
  .object({ text: plainText(2000, 3), evidence: evidenceLevelSchema })
  .strict()
  .meta({ id: 'PracticeResult' });
const actorInSchema = z.object({ orgId: z.uuid(), role: actorRoleSchema }).strict();
const linkInSchema = z
  .object({
    kind: linkKindSchema,
    targetId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[0-9A-Za-z-]+$/),
  })
  .strict();

const practiceFields = {
  title: plainText(300, 3),
  summary: plainText(2000, 1),
  problem: plainText(8000),
  intervention: plainText(12000),
  resources: plainText(4000),
  budgetCents: z.number().int().min(0).max(100_000_000_000_000).nullable().describe('The budget, in cents'),
  results: z.array(resultSchema).max(20),
  transferability: plainText(8000).describe('The conditions for doing it elsewhere'),
  contactOffice: plainText(500).describe('The office to contact (an institutional office, not a person)'),
  axis: axisSchema,
  priorityActions: z.array(priorityActionSchema).max(10),
  sector: practiceSectorSchema,
  regionCodes: z.array(region).max(20),
  sizeClass: sizeClassSchema.nullable(),
  actors: z.array(actorInSchema).max(30),
  links: z.array(linkInSchema).max(60),
};

export const createPracticeSchema = z
  .object({
    comuneIstat: istat
      .nullable()
      .optional()
      .describe("The Comune that owns it: a Comune's user, their own (the default); ANCI/Cittalia, any or none"),
    title: practiceFields.title,
    summary: practiceFields.summary,
    problem: practiceFields.problem.default(''),
    intervention: practiceFields.intervention.default(''),
    resources: practiceFields.resources.default(''),
    budgetCents: practiceFields.budgetCents.default(null),
    results: practiceFields.results.default([]),
    transferability: practiceFields.transferability.default(''),
    contactOffice: practiceFields.contactOffice.default(''),
    axis: practiceFields.axis,
    priorityActions: practiceFields.priorityActions.default([]),
    sector: practiceFields.sector,
    regionCodes: practiceFields.regionCodes.default([]),
    sizeClass: practiceFields.sizeClass.optional(),
    actors: practiceFields.actors.default([]),
    links: practiceFields.links.default([]),
  })
  .strict()
  .meta({ id: 'PracticeCreate' });
export type CreatePracticeBody = z.infer<typeof createPracticeSchema>;

export const patchPracticeSchema = z
  .object({ rowVersion, ...practiceFields })
  .partial()
  .required({ rowVersion: true })
  .strict()
  .meta({ id: 'PracticePatch' });
export type PatchPracticeBody = z.infer<typeof patchPracticeSchema>;

export const stepSchema = z.object({ rowVersion }).strict().meta({ id: 'KnowledgeStep' });
export type StepBody = z.infer<typeof stepSchema>;
export const returnSchema = z
  .object({ rowVersion, comment: plainText(4000, 3).describe("The reviewer's comment to the author") })
  .strict()
  .meta({ id: 'KnowledgeReturn' });
export type ReturnBody = z.infer<typeof returnSchema>;

export const listPracticesQuerySchema = z
  .object({
    status: practiceStatusSchema.optional(),
    q: z.string().trim().min(1).max(200).optional().describe('Words of the title'),
    ...pageQuery,
  })
  .strict();
export type ListPracticesQuery = z.infer<typeof listPracticesQuerySchema>;

const actorOutSchema = z
  .object({ orgId: z.uuid(), name: z.string(), type: z.string(), role: actorRoleSchema })
  .meta({ id: 'PracticeActor' });
const linkOutSchema = z
  .object({ kind: linkKindSchema, targetId: z.string(), label: z.string() })
  .meta({ id: 'PracticeLink' });

export const practiceSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    status: practiceStatusSchema,
    title: z.string(),
    comuneIstat: z.string().nullable(),
    comuneName: z.string().nullable(),
    axis: axisSchema,
    sector: practiceSectorSchema,
    submittedAt: instant.nullable(),
    publishedAt: instant.nullable(),
    updatedAt: instant,
  })
  .meta({ id: 'PracticeSummary' });
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;
export const practicePageSchema = pageOf(practiceSummarySchema).meta({ id: 'PracticePage' });

const practiceContent = {
  summary: z.string(),
  problem: z.string(),
  intervention: z.string(),
  resources: z.string(),
  budgetCents: z.number().int().nullable(),
  results: z.array(resultSchema),
  transferability: z.string(),
  contactOffice: z.string(),
  priorityActions: z.array(z.number().int()),
  regionCodes: z.array(z.string()),
  regionNames: z.array(z.string()),
  sizeClass: sizeClassSchema.nullable(),
  actors: z.array(actorOutSchema),
  links: z.array(linkOutSchema),
};

export const practiceDetailSchema = practiceSummarySchema
  .extend({
    ...practiceContent,
    reviewComment: z.string().nullable().describe("The reviewer's comment when it was returned to draft"),
    rowVersion: z.number().int(),
    createdAt: instant,
  })
  .meta({ id: 'PracticeDetail' });
export type PracticeDetail = z.infer<typeof practiceDetailSchema>;

export const listPublicPracticesQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((s) => !CONTROL.test(s), { message: 'Control characters are not allowed' })
      .optional()
      .describe(
        "Words to find (web search syntax: \"a phrase\", -word, or); Italian stemming: 'lavoratori' finds 'lavoratore'",
      ),
    axis: axisSchema.optional(),
    sector: practiceSectorSchema.optional(),
    region: region.optional(),
    size: sizeClassSchema.optional(),
    ...pageQuery,
  })
  .strict();
export type ListPublicPracticesQuery = z.infer<typeof listPublicPracticesQuerySchema>;

const snippetSchema = z
  .array(z.object({ text: z.string(), hit: z.boolean() }))
  .meta({ id: 'SearchSnippet' })
  .describe('A fragment of the text around the words found, split into the words found (hit) and the rest');

export const publicPracticeSummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    comuneName: z.string().nullable(),
    axis: axisSchema,
    sector: practiceSectorSchema,
    regionNames: z.array(z.string()),
    sizeClass: sizeClassSchema.nullable(),
    publishedAt: instant,
    snippet: snippetSchema.nullable().describe('Present when words were searched'),
  })
  .meta({ id: 'PublicPracticeSummary' });
export type PublicPracticeSummary = z.infer<typeof publicPracticeSummarySchema>;
export const publicPracticePageSchema = pageOf(publicPracticeSummarySchema).meta({ id: 'PublicPracticePage' });

const caseStudyRefSchema = z.object({ slug: z.string(), title: z.string() }).meta({ id: 'CaseStudyRef' });

export const publicPracticeSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    comuneName: z.string().nullable(),
    axis: axisSchema,
    sector: practiceSectorSchema,
    publishedAt: instant,
    ...practiceContent,
    caseStudies: z.array(caseStudyRefSchema),
  })
  .meta({ id: 'PublicPractice' });
export type PublicPractice = z.infer<typeof publicPracticeSchema>;

// ---- case studies ----

const sectionSchema = z
  .object({ heading: plainText(200, 2), body: plainText(30000, 1) })
  .strict()
  .meta({ id: 'CaseStudySection' });
const sourceSchema = z
  .object({
    citation: plainText(600, 3),
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
  })
  .strict()
  .meta({ id: 'CaseStudySource' });

const caseStudyFields = {
  title: plainText(300, 3),
  summary: plainText(2000, 1),
  sections: z.array(sectionSchema).min(1).max(40),
  sources: z.array(sourceSchema).max(100),
  comuni: z.array(istat).max(50),
  practiceIds: z.array(z.uuid()).max(50),
};

export const createCaseStudySchema = z
  .object({
    ...caseStudyFields,
    sources: caseStudyFields.sources.default([]),
    comuni: caseStudyFields.comuni.default([]),
    practiceIds: caseStudyFields.practiceIds.default([]),
  })
  .strict()
  .meta({ id: 'CaseStudyCreate' });
export type CreateCaseStudyBody = z.infer<typeof createCaseStudySchema>;

export const patchCaseStudySchema = z
  .object({ rowVersion, ...caseStudyFields })
  .partial()
  .required({ rowVersion: true })
  .strict()
  .meta({ id: 'CaseStudyPatch' });
export type PatchCaseStudyBody = z.infer<typeof patchCaseStudySchema>;

export const listCaseStudiesQuerySchema = z.object({ status: practiceStatusSchema.optional(), ...pageQuery }).strict();
export type ListCaseStudiesQuery = z.infer<typeof listCaseStudiesQuerySchema>;
export const listPublicCaseStudiesQuerySchema = z.object({ ...pageQuery }).strict();

const comuneRefSchema = z.object({ istat: z.string(), name: z.string() }).meta({ id: 'ComuneRef' });
const practiceRefSchema = z.object({ id: z.uuid(), slug: z.string(), title: z.string(), published: z.boolean() });

export const caseStudySummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    status: practiceStatusSchema,
    title: z.string(),
    summary: z.string(),
    submittedAt: instant.nullable(),
    publishedAt: instant.nullable(),
    updatedAt: instant,
    rowVersion: z.number().int(),
  })
  .meta({ id: 'CaseStudySummary' });
export type CaseStudySummary = z.infer<typeof caseStudySummarySchema>;
export const caseStudyPageSchema = pageOf(caseStudySummarySchema).meta({ id: 'CaseStudyPage' });

export const caseStudyDetailSchema = caseStudySummarySchema
  .extend({
    sections: z.array(sectionSchema),
    sources: z.array(sourceSchema),
    comuni: z.array(comuneRefSchema),
    practices: z.array(practiceRefSchema),
    reviewComment: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'CaseStudyDetail' });
export type CaseStudyDetail = z.infer<typeof caseStudyDetailSchema>;

export const publicCaseStudySummarySchema = z
  .object({ slug: z.string(), title: z.string(), summary: z.string(), publishedAt: instant })
  .meta({ id: 'PublicCaseStudySummary' });
export type PublicCaseStudySummary = z.infer<typeof publicCaseStudySummarySchema>;
export const publicCaseStudyPageSchema = pageOf(publicCaseStudySummarySchema).meta({ id: 'PublicCaseStudyPage' });

export const publicCaseStudySchema = publicCaseStudySummarySchema
  .extend({
    sections: z.array(sectionSchema),
    sources: z.array(sourceSchema),
    comuni: z.array(comuneRefSchema),
    practices: z.array(z.object({ slug: z.string(), title: z.string() })),
  })
  .meta({ id: 'PublicCaseStudy' });
export type PublicCaseStudy = z.infer<typeof publicCaseStudySchema>;

// ---- pickers ----

export const pickerKinds = ['ORGANIZZAZIONE', ...linkKinds] as const;
export const pickerQuerySchema = z
  .object({
    kind: z.enum(pickerKinds),
    q: z.string().trim().max(100).optional().describe('Words of the name or title'),
  })
  .strict();
export type PickerQuery = z.infer<typeof pickerQuerySchema>;
export const pickerOptionsSchema = z
  .object({ items: z.array(z.object({ id: z.string(), label: z.string() })) })
  .meta({ id: 'PracticePickerOptions' });

export const publicPracticeRegionsSchema = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })) })
  .meta({ id: 'PublicPracticeRegions' });
