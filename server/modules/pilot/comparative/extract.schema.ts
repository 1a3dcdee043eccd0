/** The pseudonymised extract's shapes: its records and its manifest (see extract.rules.ts). */
import { z } from 'zod';
import { pseudonymisedRecordSchema, type PseudonymisedRecord } from './comparative.schema.js';

export type ExtractRecord = Omit<PseudonymisedRecord, 'pseudonym' | 'ageBand' | 'sex' | 'degree' | 'openedQuarter'> & {
  ref: string;
  /** The year the case opened (the quarter is too fine next to small counts). */
  openedYear: string;
  sex: string;
  ageBand: string;
  degree: number | null;
};

export const manifestSchema = z
  .object({
    release: z.uuid(),
    generatedAt: z.iso.datetime(),
    recipient: z.string(),
    kRequired: z.number().int(),
    kMeasured: z.number().int().nullable(),
    generalisation: z.string(),
    quasiIdentifiers: z.array(z.string()),
    records: z.number().int(),
    suppressed: z.number().int(),
    suppressionRate: z.number(),
    fields: z.array(z.string()),
  })
  .meta({ id: 'PilotExtractManifest' });
export type Manifest = z.infer<typeof manifestSchema>;

export const extractRecordSchema = pseudonymisedRecordSchema
  .omit({ pseudonym: true, sex: true, ageBand: true, degree: true, openedQuarter: true })
  .extend({
    ref: z.string(),
    sex: z.string(),
    ageBand: z.string(),
    degree: z.number().int().nullable(),
    openedYear: z.string(),
  });
export const extractSchema = z
  .object({
    manifest: manifestSchema,
    records: z.array(extractRecordSchema),
  })
  .meta({ id: 'PilotPseudonymisedExtract' });
