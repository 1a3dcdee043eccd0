/**
 * API schemas of the quadro comparativo (domain.md §7.5 item 1) and of the pseudonymised rows for
 * technical assistance (security.md §4.2 point 8).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/pagination.js';
import { isIsoDate } from '../shared/dates.js';
import { caseStatuses, exitReasons, paiStatuses, sexes } from '../shared/vocab.js';

const isoDate = z.string().refine(isIsoDate, 'A calendar date YYYY-MM-DD');

export const comparativeQuerySchema = z
  .object({
    from: isoDate.meta({ description: 'First day of the period (included)' }),
    to: isoDate.meta({ description: 'Last day of the period (included); at most three years after `from`' }),
  })
  .strict();
export type ComparativeQuery = z.infer<typeof comparativeQuerySchema>;

export const comparativeBlockSchema = z
  .enum(['intake', 'permits', 'presa_in_carico', 'pai_measures', 'outcomes', 'exits', 'finance', 'quality'])
  .meta({ id: 'PilotComparativeBlock' });
export const cellKindSchema = z.enum(['persons', 'count', 'amount', 'ratio', 'days']).meta({
  id: 'PilotCellKind',
  description:
    'persons: disclosure-controlled count; ratio: percentage; days: median; amount: euro; count: exact count',
});

export const comparativeColumnSchema = z
  .object({
    key: z.string(),
    block: comparativeBlockSchema,
    kind: cellKindSchema,
    labelIt: z.string(),
    labelEn: z.string(),
  })
  .meta({ id: 'PilotComparativeColumn' });

/** A number, "<10" (suppressed), or null (not computable, e.g. a ratio over nobody). */
export const comparativeCellSchema = z
  .union([z.number(), z.literal('<10'), z.null()])
  .meta({ id: 'PilotComparativeCell' });

export const comparativeRowSchema = z
  .object({
    comuneIstat: z.string().nullable().meta({ description: 'null on the total row' }),
    comuneName: z.string(),
    exact: z.boolean().meta({ description: "true when the cells are the raw figures (the viewer's own Comune)" }),
    cells: z.record(z.string(), comparativeCellSchema),
  })
  .meta({ id: 'PilotComparativeRow' });

export const comparativeTableSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    generatedAt: z.iso.datetime(),
    note: z.object({ it: z.string(), en: z.string() }),
    columns: z.array(comparativeColumnSchema),
    rows: z.array(comparativeRowSchema).meta({ description: 'One row per pilot Comune, then the total row' }),
    viewer: z.enum(['exact_own', 'controlled']),
  })
  .meta({ id: 'PilotComparative' });
export type ComparativeTable = z.infer<typeof comparativeTableSchema>;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 200 answer of the spreadsheet download, declared as a binary body for the OpenAPI document. */
export const xlsxResponse = {
  description: 'The quadro comparativo as an XLSX workbook (same disclosure control as the JSON table)',
  content: { [XLSX_MEDIA_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
};

export const recordsQuerySchema = z
  .object({
    comune: z
      .string()
      .regex(/^\d{6}$/, 'Six digits')
      .meta({ description: 'ISTAT code of a pilot Comune' }),
    ...pageQuery,
  })
  .strict();
export type RecordsQuery = z.infer<typeof recordsQuerySchema>;

export const pseudonymisedRecordSchema = z
  .object({
    pseudonym: z.string(),
    comuneIstat: z.string(),
    role: z.enum(['titolare', 'familiare']),
    degree: z.number().int().nullable(),
    sex: z.enum(sexes),
    ageBand: z.enum(['0-17', '18-24', '25-34', '35-44', '45-54', '55+']).nullable(),
    caseStatus: z.enum(caseStatuses),
    openedQuarter: z.string().meta({ description: 'e.g. 2026-Q2' }),
    admitted: z.boolean().meta({ description: 'holds a live admission to the art. 6 measures' }),
    paiStatus: z.enum(paiStatuses).nullable(),
    measures: z.number().int().meta({ description: "measures of the person's PAIs, not cancelled" }),
    hasContract: z.boolean(),
    exitReason: z.enum(exitReasons).nullable(),
  })
  .meta({ id: 'PilotPseudonymisedRecord' });
export type PseudonymisedRecord = z.infer<typeof pseudonymisedRecordSchema>;

export const pseudonymisedRecordPageSchema = pageOf(pseudonymisedRecordSchema).meta({
  id: 'PilotPseudonymisedRecordPage',
});
