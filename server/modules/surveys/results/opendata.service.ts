/**
 * Open data (issue 11 item 6; decision 0044). ANCI/Cittalia (`surveys.opendata.release`) release a
 * dataset of a wave's aggregates: the figures are computed once, through the disclosure control
 * MLPS reads them with, and frozen with their DCAT-AP_IT metadata; a withdrawal keeps the record
 * and takes it off the public catalogue. Both are audited inside their transaction. The public
 * reads run with the anonymous database access: row-level security shows them only what is
 * released and not withdrawn.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { anonymousAccess } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import {
  catalogGraph,
  csvUrl,
  datasetGraph,
  datasetIdentifier,
  datasetUri,
  LICENCE,
  toJsonLd,
  toTurtle,
} from './opendata.dcat.js';
import type { Addresses, DatasetRecord } from './opendata.dcat.js';
import {
  insertDataset,
  lockDataset,
  markWithdrawn,
  selectDataset,
  selectPublicCsv,
  selectPublicDataset,
  selectPublicDatasets,
  selectWaveDatasets,
  selectWaveForRelease,
  type DatasetRow,
} from './opendata.repo.js';
import { openCsv, questionCells, servedCsv, unreleasable, type OpenCell } from './opendata.rules.js';
import type { OpenDatasetOut, ReleaseBody, WaveReleaseOut } from './opendata.schema.js';
import { regionExists, selectAreas, type AreaRow } from './results.repo.js';
import { questionsOfWave } from './results.service.js';

export const PUBLISHER_NAME = 'ANCI – Fondazione Cittalia';

function releaser(ctx: Ctx) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  assertCan(actor, 'surveys.opendata.release');
  return actor;
}

export function addresses(ctx: Ctx): Addresses {
  return { base: ctx.config.publicUrl.replace(/\/+$/, '') };
}

function recordOf(r: DatasetRow): DatasetRecord {
  return {
    id: r.id,
    titleIt: r.title_it,
    titleEn: r.title_en,
    descriptionIt: r.description_it,
    descriptionEn: r.description_en,
    keywords: r.keywords,
    theme: r.theme,
    accrual: r.accrual,
    regionCode: r.region_code,
    regionName: r.region_name,
    temporalStart: r.temporal_start,
    temporalEnd: r.temporal_end,
    issued: r.issued,
    modified: r.modified,
    publisherName: r.publisher_name,
    publisherId: r.publisher_id,
    contactEmail: r.contact_email,
    byteSize: r.byte_size,
    sha256: r.sha256,
  };
}

function datasetOut(a: Addresses, r: DatasetRow): OpenDatasetOut {
  const uri = datasetUri(a, r.id);
  return {
    id: r.id,
    identifier: datasetIdentifier({ publisherId: r.publisher_id, id: r.id }),
    title: { it: r.title_it, en: r.title_en },
    description: { it: r.description_it, en: r.description_en },
    keywords: r.keywords,
    theme: r.theme,
    accrualPeriodicity: r.accrual,
    level: r.level,
    questions: r.questions,
    spatial: { regionCode: r.region_code, name: r.region_name ?? 'Italia' },
    temporal: { start: r.temporal_start, end: r.temporal_end },
    issued: r.issued,
    modified: r.modified,
    publisher: { name: r.publisher_name, identifier: r.publisher_id },
    licence: { name: LICENCE.name, url: LICENCE.url },
    distribution: {
      downloadUrl: csvUrl(a, r.id),
      mediaType: 'text/csv',
      format: 'CSV',
      byteSize: r.byte_size,
      sha256: r.sha256,
      rows: r.row_count,
    },
    metadata: { jsonld: uri, turtle: `${uri}.ttl` },
  };
}

function releaseOut(a: Addresses, r: DatasetRow): WaveReleaseOut {
  return {
    ...datasetOut(a, r),
    suppressedCells: r.suppressed_count,
    withdrawnAt: r.withdrawn_at ? r.withdrawn_at.toISOString() : null,
    withdrawalReason: r.withdrawal_reason,
  };
}

/**
 * Releases a dataset of a wave's aggregates: the questions chosen (choice, number and range
 * questions; never free text nor dates, never persons per Comune: 400 `surveys.opendata.question`)
 * by Regione, provincia or Comune, over Italy or one Region; the cells controlled as for MLPS and
 * frozen as CSV with its size and SHA-256, with the metadata. One transaction, audited.
 */
export async function releaseDataset(ctx: Ctx, waveId: string, body: ReleaseBody): Promise<WaveReleaseOut> {
  const actor = releaser(ctx);
  const id = randomUUID();
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const wave = await selectWaveForRelease(tx, waveId);
    if (!wave) throw new AppError('surveys.wave.not_found');
    if (wave.status === 'bozza')
      throw new AppError('surveys.wave.state', 'A wave not launched has no results to release');
    const all = await questionsOfWave(tx, waveId);
    const asked = body.questions.map((name) => {
      const q = all.find((x) => x.name === name);
      if (!q) throw new AppError('surveys.opendata.question', `The questionnaire has no question ${name} with results`);
      const why = unreleasable(q, body.level);
      if (why) throw new AppError('surveys.opendata.question', why);
      return q;
    });
    if (body.region && !(await regionExists(tx, body.region)))
      throw new AppError('surveys.results.filter', `No Region has the code ${body.region}`);
    const filters = body.region ? { region: body.region } : {};
    const cells: OpenCell[] = [];
    for (const q of asked) {
      const spec = { name: q.name, repeats: q.repeats };
      const areas = (choice: string | null) =>
        selectAreas(tx, waveId, filters, spec, body.level, choice, body.region ?? null);
      if (q.kind === 'choice' || q.kind === 'multiple') {
        const byChoice = new Map<string, AreaRow[]>();
        for (const c of q.choices) byChoice.set(c.code, await areas(c.code));
        cells.push(...questionCells(q, body.level, byChoice));
      } else cells.push(...questionCells(q, body.level, await areas(null)));
    }
    const csv = openCsv(body.level, cells);
    const now = ctx.clock.now();
    await insertDataset(tx, {
      id,
      waveId,
      level: body.level,
      questions: body.questions,
      titleIt: body.titleIt,
      titleEn: body.titleEn ?? null,
      descriptionIt: body.descriptionIt,
      descriptionEn: body.descriptionEn ?? null,
      keywords: body.keywords,
      theme: body.theme,
      accrual: body.accrualPeriodicity,
      regionCode: body.region ?? null,
      temporalStart: wave.opens_on,
      temporalEnd: wave.closes_on,
      publisherName: PUBLISHER_NAME,
      publisherId: ctx.config.openDataPublisherId,
      contactEmail: ctx.config.openDataContactEmail,
      csv: csv.content,
      byteSize: csv.byteSize,
      sha256: csv.sha256,
      rowCount: csv.rows,
      suppressedCount: csv.suppressed,
      releasedBy: actor.userId,
      releasedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'surveys.opendata.release',
      entityType: 'survey_open_dataset',
      entityId: id,
      details: {
        waveId,
        level: body.level,
        region: body.region ?? null,
        questions: body.questions,
        rows: csv.rows,
        suppressed: csv.suppressed,
        sha256: csv.sha256,
      },
    });
    return releaseOut(addresses(ctx), (await selectDataset(tx, id))!);
  });
}

/** Every release of a wave, withdrawn ones too (ANCI/Cittalia). */
export async function listWaveReleases(ctx: Ctx, waveId: string): Promise<{ items: WaveReleaseOut[] }> {
  const actor = releaser(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (!(await selectWaveForRelease(tx, waveId))) throw new AppError('surveys.wave.not_found');
    return { items: (await selectWaveDatasets(tx, waveId)).map((r) => releaseOut(addresses(ctx), r)) };
  });
}

/** Takes a release off the public catalogue; the record stays. 409 when already withdrawn. Audited. */
export async function withdrawDataset(
  ctx: Ctx,
  datasetId: string,
  reason: string | undefined,
): Promise<WaveReleaseOut> {
  const actor = releaser(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const row = await lockDataset(tx, datasetId);
    if (!row) throw new AppError('surveys.opendata.not_found');
    if (row.withdrawn_at) throw new AppError('surveys.opendata.withdrawn');
    await markWithdrawn(tx, datasetId, actor.userId, ctx.clock.now(), reason ?? null);
    await recordAudit(tx, ctx, {
      action: 'surveys.opendata.withdraw',
      entityType: 'survey_open_dataset',
      entityId: datasetId,
      details: { reason: reason ? 'given' : 'none' },
    });
    return releaseOut(addresses(ctx), (await selectDataset(tx, datasetId))!);
  });
}

/** The public catalogue (no login): every dataset released and not withdrawn. */
export async function listPublicDatasets(
  ctx: Ctx,
): Promise<{ items: OpenDatasetOut[]; catalogue: { jsonld: string; turtle: string } }> {
  const rows = await ctx.db.tx(anonymousAccess, (tx) => selectPublicDatasets(tx));
  const a = addresses(ctx);
  const cat = `${a.base}/api/v1/open-data/catalog`;
  return { items: rows.map((r) => datasetOut(a, r)), catalogue: { jsonld: cat, turtle: `${cat}.ttl` } };
}

export type MetadataFormat = 'jsonld' | 'ttl';

/** A dataset's DCAT-AP_IT metadata as JSON-LD text or Turtle; 404 `surveys.opendata.not_found` when not public. */
export async function datasetMetadata(ctx: Ctx, id: string, format: MetadataFormat): Promise<string> {
  const row = await ctx.db.tx(anonymousAccess, (tx) => selectPublicDataset(tx, id));
  if (!row) throw new AppError('surveys.opendata.not_found');
  const quads = datasetGraph(addresses(ctx), recordOf(row));
  return format === 'ttl' ? toTurtle(quads) : JSON.stringify(toJsonLd(quads));
}

/** The catalogue (dcat:Catalog) listing every public dataset, as JSON-LD text or Turtle. */
export async function catalogMetadata(ctx: Ctx, format: MetadataFormat): Promise<string> {
  const rows = await ctx.db.tx(anonymousAccess, (tx) => selectPublicDatasets(tx));
  const modified = rows.reduce((m, r) => (r.modified > m ? r.modified : m), rows.length ? '' : todayUtc(ctx));
  const quads = catalogGraph(
    addresses(ctx),
    {
      publisherName: PUBLISHER_NAME,
      publisherId: rows[0]?.publisher_id ?? ctx.config.openDataPublisherId,
      contactEmail: rows[0]?.contact_email ?? ctx.config.openDataContactEmail,
      modified,
    },
    rows.map(recordOf),
  );
  return format === 'ttl' ? toTurtle(quads) : JSON.stringify(toJsonLd(quads));
}

function todayUtc(ctx: Ctx): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}

/** The frozen CSV of a public dataset as served (with its BOM), with its SHA-256 (the ETag); 404 when not public. */
export async function datasetCsv(ctx: Ctx, id: string): Promise<{ csv: Buffer; sha256: string }> {
  const row = await ctx.db.tx(anonymousAccess, (tx) => selectPublicCsv(tx, id));
  if (!row) throw new AppError('surveys.opendata.not_found');
  return { csv: servedCsv(row.csv), sha256: row.sha256 };
}
