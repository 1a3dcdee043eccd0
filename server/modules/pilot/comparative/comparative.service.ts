/**
 * The quadro comparativo of the pilot Comuni (domain.md §7.5 item 1) as JSON and as XLSX, and the
 * pseudonymised rows for ANCI/Cittalia technical assistance (security.md §4.2 point 8).
 *
 * The figures come from `pilot_comparative_counts` (migration 0005), which crosses row-level
 * security but returns aggregates only; disclosure control is applied here for every viewer:
 * the staff of a Comune see their own row exact and every other row controlled, everyone else
 * (MLPS, Regione, technical assistance) sees every row and the total controlled. Every request is
 * audited (security.md §4.2 point 5).
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Database } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import type { Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { tableToXlsx } from '../../../platform/xlsx.js';
import { recordAudit } from '../../audit/index.js';
import { formatDateIt } from '../shared/dates.js';
import { isPilotComune } from '../shared/comuni.repo.js';
import { blockLabels, comparativeColumns } from './comparative.columns.js';
import { toPseudonymisedRecord, toRawRows } from './comparative.mapper.js';
import { selectCounts, selectPilotComuni, selectRecords, type CountRow } from './comparative.repo.js';
import { assertPeriod, ownComune } from './comparative.rules.js';
import type { ComparativeQuery, ComparativeTable, PseudonymisedRecord, RecordsQuery } from './comparative.schema.js';
import { DISCLOSURE_NOTE_EN, DISCLOSURE_NOTE_IT, publishTable, type DisclosureViewer } from './disclosure.js';

interface BuiltTable {
  table: ComparativeTable;
  year: number;
}

interface Aggregates {
  at: Date;
  counts: CountRow[];
  names: { istat_code: string; name: string }[];
}

/**
 * The raw aggregates of a period, per database, reused for `comparativeCacheSeconds`: they are the
 * same for every viewer (disclosure control comes after), scanning every pilot table takes most of
 * a second at 50,000 cases, and a monitoring table a minute old is as good as a fresh one. Requests
 * arriving while the figures are being computed wait for that one computation.
 */
const aggregateCache = new WeakMap<Database, Map<string, { at: number; value: Promise<Aggregates> }>>();

async function computeAggregates(ctx: Ctx, q: ComparativeQuery): Promise<Aggregates> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const counts = await selectCounts(tx, q.from, q.to);
    const names = await selectPilotComuni(tx);
    return { at: ctx.clock.now(), counts, names };
  });
}

function aggregatesOf(ctx: Ctx, q: ComparativeQuery): Promise<Aggregates> {
  const ttl = ctx.config.comparativeCacheSeconds * 1000;
  if (ttl <= 0) return computeAggregates(ctx, q);
  let perDb = aggregateCache.get(ctx.db);
  if (!perDb) aggregateCache.set(ctx.db, (perDb = new Map<string, { at: number; value: Promise<Aggregates> }>()));
  const key = `${q.from}|${q.to}`;
  const now = ctx.clock.now().getTime();
  const hit = perDb.get(key);
  if (hit && now - hit.at < ttl) return hit.value;
  if (perDb.size > 100) perDb.clear();
  const value = computeAggregates(ctx, q);
  perDb.set(key, { at: now, value });
  value.catch(() => perDb.delete(key));
  return value;
}

/** Audits the request, reads the aggregates (or reuses fresh ones), applies disclosure control for the actor. */
async function buildTable(ctx: Ctx, q: ComparativeQuery, format: 'json' | 'xlsx'): Promise<BuiltTable> {
  assertCan(ctx.actor, 'pilot.comparative.read');
  assertPeriod(q);
  const actor = ctx.actor;
  // every request is audited, also when the figures are reused (security.md §4.2 point 5)
  await ctx.db.tx(accessOf(actor), (tx) =>
    recordAudit(tx, ctx, { action: 'pilot.comparative.read', details: { from: q.from, to: q.to, format } }),
  );
  const { counts, names, at } = await aggregatesOf(ctx, q);

  const { rows: rawRows, total } = toRawRows(names, counts);
  const own = ownComune(actor);
  const exactOwn = own !== null && rawRows.some((r) => r.comuneIstat === own);
  const viewer: DisclosureViewer = { exactFor: exactOwn ? own : 'none' };

  return {
    year: Number(q.to.slice(0, 4)),
    table: {
      from: q.from,
      to: q.to,
      generatedAt: at.toISOString(),
      note: { it: DISCLOSURE_NOTE_IT, en: DISCLOSURE_NOTE_EN },
      columns: comparativeColumns.map(({ key, block, kind, labelIt, labelEn }) => ({
        key,
        block,
        kind,
        labelIt,
        labelEn,
      })),
      rows: publishTable(comparativeColumns, rawRows, total, viewer),
      viewer: exactOwn ? 'exact_own' : 'controlled',
    },
  };
}

/**
 * The quadro comparativo for a period: one row per pilot Comune and the total row, every count
 * of persons disclosure-controlled except on the viewer's own Comune's row. Audited.
 */
export async function getComparative(ctx: Ctx, q: ComparativeQuery): Promise<ComparativeTable> {
  return (await buildTable(ctx, q, 'json')).table;
}

/** The same table as an XLSX workbook (Italian labels, one column group per block). Audited. */
export async function exportComparativeXlsx(
  ctx: Ctx,
  q: ComparativeQuery,
): Promise<{ filename: string; body: Buffer }> {
  const { table, year } = await buildTable(ctx, q, 'xlsx');
  const generated = table.generatedAt.slice(0, 10);
  const ownNote = table.viewer === 'exact_own' ? ' La riga del proprio Comune riporta i valori esatti.' : '';
  const body = await tableToXlsx(
    {
      title: 'Quadro comparativo dei Comuni del pilota art. 18-ter',
      subtitle:
        `Periodo dal ${formatDateIt(q.from)} al ${formatDateIt(q.to)}; dati finanziari dell'anno ${year}; ` +
        `estratto il ${formatDateIt(generated)}.`,
      note: DISCLOSURE_NOTE_IT + ownNote,
      rowHeader: 'Comune',
      columns: table.columns.map((c) => ({ key: c.key, label: c.labelIt, group: blockLabels[c.block].it })),
      rows: table.rows.map((r) => ({ label: r.comuneName, cells: r.cells })),
    },
    { sheetName: 'Quadro comparativo', creator: 'InCaS' },
  );
  return { filename: `quadro-comparativo-${q.from}-${q.to}.xlsx`, body };
}

/**
 * Pseudonymised rows (one per member of a case) of one pilot Comune, for ANCI/Cittalia technical
 * assistance only: no identity, no free text, no exact dates, no nationality. Audited.
 */
export async function findPseudonymisedRecords(ctx: Ctx, q: RecordsQuery): Promise<Page<PseudonymisedRecord>> {
  assertCan(ctx.actor, 'pilot.pseudonymised.read');
  const refYear = ctx.clock.now().getUTCFullYear();
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (!(await isPilotComune(tx, q.comune)))
      throw new AppError('comune.not_found', 'No Comune of the pilot has that ISTAT code.');
    const offset = (q.page - 1) * q.pageSize;
    const rows = await selectRecords(tx, q.comune, refYear, q.pageSize, offset);
    // past the last page the window count is not there: ask for the first row only
    const total =
      rows[0]?.total ?? (offset > 0 ? ((await selectRecords(tx, q.comune, refYear, 1, 0))[0]?.total ?? 0) : 0);
    await recordAudit(tx, ctx, {
      // the Comune's own log shows who read its rows (migration 0007)
      action: 'pilot.records.read',
      entityType: 'comune',
      entityId: q.comune,
      tenantComune: q.comune,
      details: { comune: q.comune, page: q.page, pageSize: q.pageSize },
    });
    return {
      items: rows.map(toPseudonymisedRecord),
      total: Number(total),
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
