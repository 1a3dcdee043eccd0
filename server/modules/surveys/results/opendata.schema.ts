/** API schemas of the open data (issue 11 item 6; decision 0044): releases of a wave's aggregates. */
import { z } from 'zod';

const questionName = z.string().regex(/^[\p{L}_][\p{L}\p{N}._-]*$/u, 'A question code of the questionnaire');
const text = (max: number) => z.string().trim().min(1).max(max);

export const openDataLevelSchema = z.enum(['regione', 'provincia', 'comune']).meta({ id: 'OpenDataLevel' });
export type OpenDataLevel = z.infer<typeof openDataLevelSchema>;
/** EU data themes (publications.europa.eu authority table data-theme) that fit the surveys. */
export const openDataThemeSchema = z.enum(['SOCI', 'GOVE']).meta({ id: 'OpenDataTheme' });
/** EU frequencies (authority table frequency) a release may declare. */
export const openDataAccrualSchema = z.enum(['IRREG', 'ANNUAL', 'NEVER']).meta({ id: 'OpenDataAccrual' });

export const releaseBodySchema = z
  .object({
    questions: z
      .array(questionName)
      .min(1)
      .max(20)
      .refine((qs) => new Set(qs).size === qs.length, 'Each question once'),
    level: openDataLevelSchema,
    /** narrows the dataset to one Region's areas (spatial coverage: the Region); absent: Italy */
    region: z
      .string()
      .regex(/^\d{2}$/, 'A Region as its two-digit ISTAT code')
      .optional(),
    titleIt: text(300),
    titleEn: text(300).optional(),
    descriptionIt: text(4000),
    descriptionEn: text(4000).optional(),
    keywords: z.array(text(60)).min(1).max(20),
    theme: openDataThemeSchema,
    accrualPeriodicity: openDataAccrualSchema.default('IRREG'),
  })
  .strict()
  .meta({ id: 'OpenDataReleaseRequest' });
export type ReleaseBody = z.infer<typeof releaseBodySchema>;

export const withdrawBodySchema = z
  .object({ reason: text(1000).optional() })
  .strict()
  .meta({ id: 'OpenDataWithdrawRequest' });

export const datasetParams = z.object({ datasetId: z.uuid() }).strict();
/** `{id}`, `{id}.jsonld` or `{id}.ttl`: the metadata in the format the suffix names. */
export const datasetRefParams = z
  .object({
    datasetRef: z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.(ttl|jsonld))?$/i,
        'A dataset id, optionally followed by .ttl or .jsonld',
      ),
  })
  .strict();
export const metadataQuerySchema = z
  .object({ format: z.enum(['jsonld', 'ttl']).optional().describe('jsonld (default) or ttl (RDF Turtle)') })
  .strict();

const localText = z.object({ it: z.string(), en: z.string().nullable() });

/** A released dataset as the public catalogue lists it. */
export const openDatasetSchema = z
  .object({
    id: z.uuid(),
    /** dct:identifier: the publisher's identifier and the dataset's id */
    identifier: z.string(),
    title: localText,
    description: localText,
    keywords: z.array(z.string()),
    theme: openDataThemeSchema,
    accrualPeriodicity: openDataAccrualSchema,
    level: openDataLevelSchema,
    questions: z.array(z.string()),
    spatial: z.object({ regionCode: z.string().nullable(), name: z.string() }),
    temporal: z.object({ start: z.iso.date(), end: z.iso.date() }),
    issued: z.iso.date(),
    modified: z.iso.date(),
    publisher: z.object({ name: z.string(), identifier: z.string() }),
    licence: z.object({ name: z.string(), url: z.string() }),
    distribution: z.object({
      downloadUrl: z.string(),
      mediaType: z.string(),
      format: z.literal('CSV'),
      byteSize: z.number().int(),
      sha256: z.string(),
      rows: z.number().int(),
    }),
    metadata: z.object({ jsonld: z.string(), turtle: z.string() }),
  })
  .meta({ id: 'OpenDataset' });
export type OpenDatasetOut = z.infer<typeof openDatasetSchema>;

export const openDatasetListSchema = z
  .object({ items: z.array(openDatasetSchema), catalogue: z.object({ jsonld: z.string(), turtle: z.string() }) })
  .meta({ id: 'OpenDatasetList' });

/** A release as ANCI/Cittalia see it on the wave: the public record plus its withdrawal. */
export const waveReleaseSchema = openDatasetSchema
  .extend({
    suppressedCells: z.number().int(),
    withdrawnAt: z.iso.datetime().nullable(),
    withdrawalReason: z.string().nullable(),
  })
  .meta({ id: 'OpenDataRelease' });
export type WaveReleaseOut = z.infer<typeof waveReleaseSchema>;

export const waveReleaseListSchema = z
  .object({ items: z.array(waveReleaseSchema) })
  .meta({ id: 'OpenDataReleaseList' });
