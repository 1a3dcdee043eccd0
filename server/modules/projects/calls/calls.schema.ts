/**
 * API schemas of the funding sources and calls (issue 12 item 1): a call's rules are one document
 * (shared/call-rules.ts), versioned; a published version never changes.
 */
import { z } from 'zod';
import { callRulesSchema } from '../shared/call-rules.js';

const text = (max: number) => z.string().trim().min(2).max(max);

export const fundingSourceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameIt: z.string(),
    nameEn: z.string().nullable(),
    programmeRef: z.string().nullable(),
  })
  .meta({ id: 'ProjectFundingSource' });
export type FundingSourceOut = z.infer<typeof fundingSourceSchema>;
export const fundingSourceListSchema = z
  .object({ items: z.array(fundingSourceSchema) })
  .meta({ id: 'ProjectFundingSourceList' });

export const createFundingSourceSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9_]{1,39}$/, 'Upper-case letters, digits and underscores, such as PN_FAMI_2127'),
    nameIt: text(200),
    nameEn: text(200).optional(),
    programmeRef: text(300).optional(),
  })
  .strict()
  .meta({ id: 'ProjectFundingSourceCreate' });
export type CreateFundingSourceBody = z.infer<typeof createFundingSourceSchema>;

export const callVersionSchema = z
  .object({
    id: z.uuid(),
    versionNo: z.number().int(),
    rules: callRulesSchema,
    note: z.string().nullable(),
    published: z.boolean(),
    publishedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    projectCount: z.number().int().describe('Projects designed under this version'),
  })
  .meta({ id: 'ProjectCallVersion' });
export type CallVersionOut = z.infer<typeof callVersionSchema>;

export const callSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    titleIt: z.string(),
    titleEn: z.string().nullable(),
    fundingSource: fundingSourceSchema,
    latestPublished: z
      .object({
        id: z.uuid(),
        versionNo: z.number().int(),
        eligibility: z.object({ from: z.iso.date(), to: z.iso.date() }),
      })
      .nullable()
      .describe('The version new projects are designed under; null while no version is published'),
    hasDraft: z.boolean(),
    projectCount: z.number().int(),
  })
  .meta({ id: 'ProjectCallSummary' });
export type CallSummaryOut = z.infer<typeof callSummarySchema>;
export const callListSchema = z.object({ items: z.array(callSummarySchema) }).meta({ id: 'ProjectCallList' });

export const callDetailSchema = callSummarySchema
  .extend({ versions: z.array(callVersionSchema) })
  .meta({ id: 'ProjectCallDetail' });
export type CallDetailOut = z.infer<typeof callDetailSchema>;

export const createCallSchema = z
  .object({
    fundingSourceId: z.uuid(),
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{1,59}$/, 'Letters, digits and . _ / - such as avviso-1-2025'),
    titleIt: text(300),
    titleEn: text(300).optional(),
    rules: callRulesSchema,
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'ProjectCallCreate' });
export type CreateCallBody = z.infer<typeof createCallSchema>;

export const saveVersionSchema = z
  .object({
    rules: callRulesSchema,
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'ProjectCallVersionSave' });
export type SaveVersionBody = z.infer<typeof saveVersionSchema>;

export const callParams = z.object({ callId: z.uuid() });
export const versionParams = z.object({ callId: z.uuid(), versionId: z.uuid() });
