/** Request and response schemas of a case's employment contracts and outcomes (domain.md §7.2). */
import { z } from 'zod';
import { isoDate } from './cases.schema.js';
import { contractTypes } from '../shared/vocab.js';

export const outcomeKinds = [
  'certificato',
  'assegno_inclusione',
  'autonomia_abitativa',
  'follow_up_6',
  'follow_up_12',
] as const;

export const createContractSchema = z
  .object({
    personId: z.uuid(),
    type: z.enum(contractTypes),
    ateco: z.string().regex(/^\d{2}(\.\d{1,2}){0,2}$/, 'ATECO code, e.g. 01.13 or 49.41'),
    ccnl: z.string().trim().max(200).optional(),
    weeklyHours: z.number().gt(0).max(60).optional(),
    startOn: isoDate,
    endOn: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'PilotCreateContract' });

export const createOutcomeSchema = z
  .object({
    personId: z.uuid(),
    kind: z.enum(outcomeKinds),
    occurredOn: isoDate,
    /** For follow-ups: employed at that date. */
    employed: z.boolean().optional(),
    /** E.g. the certificate's title. No sensitive free text. */
    detail: z.string().trim().max(300).optional(),
  })
  .strict()
  .meta({ id: 'PilotCreateOutcome' });

const contractSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    pseudonym: z.string(),
    type: z.enum(contractTypes),
    ateco: z.string(),
    ccnl: z.string().nullable(),
    weeklyHours: z.number().nullable(),
    startOn: z.string(),
    endOn: z.string().nullable(),
  })
  .meta({ id: 'PilotContract' });
const outcomeSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    pseudonym: z.string(),
    kind: z.enum(outcomeKinds),
    occurredOn: z.string(),
    employed: z.boolean().nullable(),
    detail: z.string().nullable(),
  })
  .meta({ id: 'PilotOutcome' });
export const caseOutcomesSchema = z
  .object({ contracts: z.array(contractSchema), outcomes: z.array(outcomeSchema) })
  .meta({ id: 'PilotCaseOutcomes' });
export type CaseOutcomes = z.infer<typeof caseOutcomesSchema>;
export type CreateContractBody = z.infer<typeof createContractSchema>;
export type CreateOutcomeBody = z.infer<typeof createOutcomeSchema>;
