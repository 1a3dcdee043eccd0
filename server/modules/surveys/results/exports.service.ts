/**
 * A wave's responses exported (issue 11 item 5; decision 0042): CSV or XLSX, wide (one row per
 * Comune; a repeat's entries on their own sheet, keyed by the Comune's ISTAT code and the entry's
 * number) or long (one row per answer), choices as codes or labels, with the codebook. Per-Comune
 * data, not aggregates: ANCI/Cittalia (`surveys.results.full`) export every Comune; a Regione
 * (issue 11 item 8) its own Comuni only (the filter is the actor's Region, forced here and again by
 * row-level security) and no free text (no text question, no "Altro" text: free text never leaves
 * ANCI/Cittalia). The responses that count for
 * the results are exported, read in batches of BATCH in ISTAT-code order, each batch in a short
 * transaction of its own, and written to the download as they come: memory stays that of one batch
 * whatever the wave's size, and no transaction waits on a slow client.
 */
import type { Writable } from 'node:stream';
import { CSV_BOM, CSV_MEDIA_TYPE, csvHeader, csvLine } from '../../../platform/csv.js';
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can } from '../../../platform/policy.js';
import type { Spool } from '../../../platform/spool.js';
import { streamXlsx } from '../../../platform/xlsx.js';
import { recordAudit } from '../../audit/index.js';
import { questionsOfWave } from './results.service.js';
import type { ResultQuestion } from './results.rules.js';
import { countExportResponses, selectExportWave, selectResponseBatch, type ExportWave } from './exports.repo.js';
import {
  CODEBOOK_COLUMNS,
  codebookRows,
  LONG_COLUMNS,
  longRows,
  wideRows,
  wideSheets,
  type Cell,
  type ExportResponse,
  type ValuesMode,
  type WideSheet,
} from './exports.rules.js';
import { XLSX_MEDIA_TYPE, type CodebookQuery, type ExportQuery, type PreparedExport } from './exports.schema.js';

/** Responses read per batch (a 300-question response is some 10 kB of jsonb). */
export const BATCH = 500;

/**
 * A download ready to be written: its name and type, and the writer of its bytes. `total` is how
 * many responses the writer reads (the counted responses, once per sheet that reads them), and
 * `progress` hears how many it has read so far.
 */
export interface ExportFile {
  filename: string;
  mediaType: string;
  total: number;
  write(out: Writable, progress?: (done: number) => void): Promise<void>;
}

const ignore = () => undefined;

/** Who exports: ANCI/Cittalia (every Comune) or a Regione (its own Region's, `region`). */
interface Exporter {
  actor: Actor;
  /** the only Region whose Comuni are exported, or null for all (ANCI/Cittalia) */
  region: string | null;
}

function exporter(ctx: Ctx): Exporter {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  assertCan(actor, 'surveys.results.read');
  if (can(actor, 'surveys.results.full')) return { actor, region: null };
  // per-Comune data leave for ANCI/Cittalia and, for its own Comuni, a Regione; MLPS and the
  // administrators read aggregates only
  if (actor.scope.level === 'regione' && actor.scope.regionCode) return { actor, region: actor.scope.regionCode };
  throw new AppError(
    'forbidden',
    'Per-Comune answers are exported by ANCI/Cittalia, and by a Regione for its own Comuni',
  );
}

/** The questions a Regione's export carries: no free text (text questions, the texts of "Altro"). */
export function regionalQuestions(qs: ResultQuestion[]): ResultQuestion[] {
  return qs.filter((q) => q.kind !== 'text').map((q) => ({ ...q, other: false }));
}

/** Waits until `out` takes more (or is gone); false when the client has gone away. */
async function drained(out: Writable): Promise<boolean> {
  if (out.destroyed) return false;
  if (out.writableNeedDrain)
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  return !out.destroyed;
}

/** Every counted response of the wave, a batch at a time, each batch read in its own transaction. */
async function* responses(
  ctx: Ctx,
  ex: Exporter,
  waveId: string,
  part: string | null,
): AsyncGenerator<ExportResponse[]> {
  let after = '';
  for (;;) {
    const batch = await ctx.db.tx(accessOf(ex.actor), (tx) =>
      selectResponseBatch(tx, waveId, after, BATCH, part, ex.region),
    );
    if (!batch.length) return;
    yield batch;
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.istat;
  }
}

function baseName(wave: ExportWave): string {
  return `${wave.survey_code}-${wave.opens_on}`;
}

async function loadWave(
  ctx: Ctx,
  ex: Exporter,
  waveId: string,
): Promise<{ wave: ExportWave; qs: ResultQuestion[]; counted: number }> {
  return ctx.db.tx(accessOf(ex.actor), async (tx) => {
    const qs = await questionsOfWave(tx, waveId);
    const wave = await selectExportWave(tx, waveId);
    if (!wave) throw new AppError('surveys.wave.not_found');
    return {
      wave,
      qs: ex.region ? regionalQuestions(qs) : qs,
      counted: await countExportResponses(tx, waveId, ex.region),
    };
  });
}

async function audit(ctx: Ctx, ex: Exporter, waveId: string, details: Record<string, string | null>): Promise<void> {
  await ctx.db.tx(accessOf(ex.actor), (tx) =>
    recordAudit(tx, ctx, {
      action: 'surveys.results.export',
      entityType: 'survey_wave',
      entityId: waveId,
      details: { ...details, region: ex.region },
    }),
  );
}

/**
 * The export of a wave, checked and audited (who, the wave, format, shape, values, repeat; no
 * data): the bytes are written when the route hands `write` the download.
 */
export async function prepareExport(ctx: Ctx, waveId: string, q: ExportQuery): Promise<ExportFile> {
  const ex = exporter(ctx);
  const { wave, qs, counted } = await loadWave(ctx, ex, waveId);
  const sheets = wideSheets(qs);
  const values: ValuesMode = q.values;
  let repeatSheet: WideSheet | null = null;
  if (q.repeat !== undefined) {
    if (q.format !== 'csv' || q.shape !== 'wide')
      throw new AppError('surveys.results.question', 'A repeat is asked for only with format=csv and shape=wide');
    repeatSheet = sheets.find((s) => s.repeat === q.repeat) ?? null;
    if (!repeatSheet) throw new AppError('surveys.results.question', `The questionnaire has no repeat ${q.repeat}`);
  }
  await audit(ctx, ex, waveId, { format: q.format, shape: q.shape, values, repeat: q.repeat ?? null });

  const name = `${baseName(wave)}${ex.region ? `-regione-${ex.region}` : ''}-${q.shape}${q.shape === 'wide' ? `-${values}` : ''}${q.repeat ? `-${q.repeat}` : ''}`;
  if (q.format === 'csv') {
    const sheet = q.shape === 'wide' ? (repeatSheet ?? sheets[0]!) : null;
    return {
      filename: `${name}.csv`,
      mediaType: CSV_MEDIA_TYPE,
      total: counted,
      write: async (out, progress = ignore) => {
        let done = 0;
        out.write(CSV_BOM + csvHeader(sheet ? sheet.header : LONG_COLUMNS));
        // a repeat's sheet reads only the repeat's own answers (its outermost repeat's key)
        const part = sheet && sheet.repeat !== null ? sheet.path[0]! : null;
        for await (const batch of responses(ctx, ex, waveId, part)) {
          let chunk = '';
          for (const r of batch)
            for (const row of sheet ? wideRows(sheet, r, values) : longRows(sheets, r)) chunk += csvLine(row);
          out.write(chunk);
          progress((done += batch.length));
          if (!(await drained(out))) return;
        }
        out.end();
      },
    };
  }
  return {
    filename: `${name}.xlsx`,
    mediaType: XLSX_MEDIA_TYPE,
    // a wide workbook reads the responses once per sheet (the Comuni's, then each repeat's)
    total: counted * (q.shape === 'wide' ? sheets.length : 1),
    write: async (out, progress = ignore) => {
      let done = 0;
      const wb = streamXlsx(out, { creator: 'InCaS', title: `${wave.survey_code} — ${wave.wave_title}` });
      const write = async (
        title: string,
        header: readonly string[],
        part: string | null,
        rows: (r: ExportResponse) => Iterable<Cell[]>,
      ) => {
        const ws = wb.addSheet(title, header);
        for await (const batch of responses(ctx, ex, waveId, part)) {
          for (const r of batch) for (const row of rows(r)) ws.addRow(row);
          progress((done += batch.length));
          if (!(await drained(out))) return false;
        }
        await ws.commit();
        return true;
      };
      if (q.shape === 'wide') {
        for (const sheet of sheets) {
          const ok = await write(
            sheet.repeat ?? 'Comuni',
            sheet.header,
            sheet.repeat === null ? null : sheet.path[0]!,
            (r) => wideRows(sheet, r, values),
          );
          if (!ok) return;
        }
      } else if (!(await write('Risposte', LONG_COLUMNS, null, (r) => longRows(sheets, r)))) return;
      const cb = wb.addSheet('Codebook', CODEBOOK_COLUMNS);
      for (const row of codebookRows(qs, wave.version_no)) cb.addRow(row);
      await cb.commit();
      await wb.commit();
    },
  };
}

/** The codebook of a wave's questionnaire: one row per question (columns, labels, type, choices, section, version). */
export async function prepareCodebook(ctx: Ctx, waveId: string, q: CodebookQuery): Promise<ExportFile> {
  const ex = exporter(ctx);
  const { wave, qs } = await loadWave(ctx, ex, waveId);
  const rows = codebookRows(qs, wave.version_no);
  const name = `${baseName(wave)}-codebook`;
  if (q.format === 'csv')
    return {
      filename: `${name}.csv`,
      mediaType: CSV_MEDIA_TYPE,
      total: 0,
      write: async (out) => {
        out.end(CSV_BOM + csvHeader(CODEBOOK_COLUMNS) + rows.map(csvLine).join(''));
      },
    };
  return {
    filename: `${name}.xlsx`,
    mediaType: XLSX_MEDIA_TYPE,
    total: 0,
    write: async (out) => {
      const wb = streamXlsx(out, { creator: 'InCaS', title: `${wave.survey_code} — codebook` });
      const cb = wb.addSheet('Codebook', CODEBOOK_COLUMNS);
      for (const row of rows) cb.addRow(row);
      await cb.commit();
      await wb.commit();
    },
  };
}

/** A prepared export belongs to the user who asked for it, for that wave. */
function spoolOwner(actor: Actor, waveId: string): string {
  return `${actor.userId}:${waveId}`;
}

/**
 * Prepares an export in the spool (checked and audited like a direct download): the file is
 * written in the background, its progress read with `preparedExport`, then downloaded (with its
 * size, and resumable) from the spool.
 */
export async function startPreparedExport(
  ctx: Ctx,
  spool: Spool,
  waveId: string,
  q: ExportQuery,
): Promise<PreparedExport> {
  const file = await prepareExport(ctx, waveId, q);
  return spool.start({
    owner: spoolOwner(ctx.actor!, waveId),
    filename: file.filename,
    mediaType: file.mediaType,
    total: file.total,
    write: (out, progress) => file.write(out, progress),
  });
}

/** A prepared export of the caller's, with its progress; `spool.gone` when there is none. */
export function preparedExport(ctx: Ctx, spool: Spool, waveId: string, exportId: string): PreparedExport {
  const view = spool.view(exportId, preparedExportOwner(ctx, waveId));
  if (!view) throw new AppError('spool.gone', 'This file is no longer available: prepare it again.');
  return view;
}

/** Whose prepared exports of the wave the caller may download (checked like the export itself). */
export function preparedExportOwner(ctx: Ctx, waveId: string): string {
  return spoolOwner(exporter(ctx).actor, waveId);
}
