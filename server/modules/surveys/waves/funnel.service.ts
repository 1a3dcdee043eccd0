/**
 * The live funnel of a wave (issue 10, point 9): of the Comuni in the frozen universe, how many
 * were invited, opened the questionnaire, are filling it in, sent it, had it validated; overall
 * and per Region, macro-area or demographic band. And the list of Comuni with their state, last
 * activity and reminders, to see who is lagging, also as XLSX. MLPS reads it, ANCI/Cittalia run and
 * review; a Regione sees only its own Comuni (row-level security narrows every count).
 *
 * One aggregate over survey_wave_comuni (index on wave_id) joined to the registry: a few
 * milliseconds for 7,900 Comuni.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { offsetOf, Where, type Page } from '../../../platform/pagination.js';
import { tableToXlsx } from '../../../platform/xlsx.js';
import { foldName } from '../../registry/index.js';
import { assertAny, followers, romeDay } from './access.js';
import { selectFunnelCounts, type FunnelCountRow, type FunnelGroupBy } from './funnel.repo.js';
import type { FunnelOut, StatusMapOut, WaveComuneOut, WaveComuniQuery } from './waves.schema.js';

const macroAreaNames: Record<string, string> = {
  NO: 'Nord-Ovest',
  NE: 'Nord-Est',
  C: 'Centro',
  S: 'Sud',
  I: 'Isole',
};
const bandNames: Record<string, string> = {
  lt15k: 'Fino a 15.000 abitanti',
  '15k-50k': 'Da 15.001 a 50.000 abitanti',
  '50k-100k': 'Da 50.001 a 100.000 abitanti',
  '100k-200k': 'Da 100.001 a 200.000 abitanti',
  gt200k: 'Oltre 200.000 abitanti',
};
export const statusNames: Record<string, string> = {
  invitato: 'Invitato',
  sollecitato: 'Sollecitato',
  in_compilazione: 'In compilazione',
  inviato: 'Inviato',
  in_validazione: 'In validazione',
  validato: 'Validato',
  da_ricontattare: 'Da ricontattare',
  consolidato: 'Consolidato',
};

function countsOf(r: FunnelCountRow) {
  return {
    universe: r.universe,
    invited: r.invited,
    opened: r.opened,
    inProgress: r.in_progress,
    submitted: r.submitted,
    validated: r.validated,
    responseRate: r.universe ? Math.round((r.submitted / r.universe) * 10_000) / 10_000 : 0,
  };
}

async function assertWave(tx: Queryable, waveId: string): Promise<void> {
  if (!(await tx.query('SELECT 1 FROM survey_waves WHERE id = $1', [waveId])).length)
    throw new AppError('surveys.wave.not_found');
}

/** The funnel's answer from the counts (pure: also the benchmark's floor uses it). */
export function funnelOf(rows: FunnelCountRow[], waveId: string, groupBy: FunnelGroupBy): FunnelOut {
  const total = rows.find((r) => r.total);
  const empty = {
    key: null,
    label: null,
    total: true,
    universe: 0,
    invited: 0,
    opened: 0,
    in_progress: 0,
    submitted: 0,
    validated: 0,
  };
  return {
    waveId,
    groupBy,
    overall: countsOf(total ?? empty),
    groups: rows
      .filter((r) => !r.total)
      .map((r) => ({
        key: r.key!,
        label:
          groupBy === 'macroArea'
            ? (macroAreaNames[r.key!] ?? r.key!)
            : groupBy === 'band'
              ? (bandNames[r.key!] ?? r.key!)
              : r.label!,
        ...countsOf(r),
      })),
  };
}

export async function waveFunnel(ctx: Ctx, waveId: string, groupBy: FunnelGroupBy): Promise<FunnelOut> {
  assertAny(ctx.actor, followers);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await assertWave(tx, waveId);
    return funnelOf(await selectFunnelCounts(tx, waveId, groupBy), waveId, groupBy);
  });
}

/**
 * Every Comune of the wave's universe that the reader may see with its state, in one answer, for
 * the map of the fieldwork (decision 0039): the same readers as the funnel, row-level security
 * narrowing a Regione to its Comuni.
 */
export async function waveStatusMap(ctx: Ctx, waveId: string): Promise<StatusMapOut> {
  assertAny(ctx.actor, followers);
  const region = ctx.actor.scope.level === 'regione' ? ctx.actor.scope.regionCode : null;
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await assertWave(tx, waveId);
    const items = await tx.query<StatusMapOut['items'][number]>(
      `SELECT wc.comune_istat AS istat, c.name, wc.status, wc.opened_at IS NOT NULL AS opened
         FROM survey_wave_comuni wc JOIN comuni c ON c.istat_code = wc.comune_istat
        WHERE wc.wave_id = $1 ORDER BY wc.comune_istat`,
      [waveId],
    );
    return { waveId, region, items };
  });
}

interface ComuneRow {
  response_id: string;
  istat: string;
  name: string;
  province_sigla: string;
  region_code: string;
  region_name: string;
  band: WaveComuneOut['band'];
  status: WaveComuneOut['status'];
  status_changed_at: Date;
  invited_at: Date | null;
  submitted_at: Date | null;
  last_activity_at: Date | null;
  reminders_sent: number;
}

function comuniWhere(waveId: string, q: Omit<WaveComuniQuery, 'page' | 'pageSize'>): Where {
  const w = new Where().add('wc.wave_id = $?', waveId);
  if (q.status) w.add('wc.status = $?', q.status);
  if (q.region) w.add('c.region_code = $?', q.region);
  if (q.band) w.add('c.band = $?', q.band);
  if (q.macroArea) w.add('r.macro_area = $?', q.macroArea);
  if (q.q) {
    if (/^\d{6}$/.test(q.q)) w.add('c.istat_code = $?', q.q);
    else {
      const folded = foldName(q.q);
      if (folded)
        w.add(`c.istat_code IN (SELECT t.istat_code FROM comuni_search_terms t WHERE t.term LIKE $? || '%')`, folded);
    }
  }
  return w;
}

const comuniSelect = `SELECT wc.id AS response_id, c.istat_code AS istat, c.name, pr.sigla AS province_sigla, r.code AS region_code,
    r.name AS region_name, c.band, wc.status, wc.status_changed_at, wc.invited_at, wc.submitted_at,
    greatest(wc.opened_at, wc.started_at, wc.submitted_at, wc.validated_at, ra.updated_at) AS last_activity_at,
    wc.reminders_sent
  FROM survey_wave_comuni wc JOIN comuni c ON c.istat_code = wc.comune_istat JOIN regions r ON r.code = c.region_code
  JOIN provinces pr ON pr.code = c.province_code LEFT JOIN survey_responses ra ON ra.id = wc.id`;
// who is lagging first: the earliest in the funnel, then the longest without a change
const comuniOrder = `ORDER BY array_position(ARRAY['invitato', 'sollecitato', 'in_compilazione', 'da_ricontattare', 'inviato',
  'in_validazione', 'validato', 'consolidato'], wc.status), wc.status_changed_at, c.search_key, c.istat_code`;

function toComune(r: ComuneRow): WaveComuneOut {
  return {
    responseId: r.response_id,
    istat: r.istat,
    name: r.name,
    provinceSigla: r.province_sigla,
    regionCode: r.region_code,
    regionName: r.region_name,
    band: r.band,
    status: r.status,
    statusChangedAt: r.status_changed_at.toISOString(),
    invitedAt: r.invited_at?.toISOString() ?? null,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    lastActivityAt: r.last_activity_at?.toISOString() ?? null,
    remindersSent: r.reminders_sent,
  };
}

export async function waveComuni(ctx: Ctx, waveId: string, q: WaveComuniQuery): Promise<Page<WaveComuneOut>> {
  assertAny(ctx.actor, followers);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await assertWave(tx, waveId);
    const w = comuniWhere(waveId, q);
    const [n] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_wave_comuni wc JOIN comuni c ON c.istat_code = wc.comune_istat
         JOIN regions r ON r.code = c.region_code ${w}`,
      w.params,
    );
    const limit = w.param(q.pageSize);
    const offset = w.param(offsetOf(q));
    const rows = await tx.query<ComuneRow>(
      `${comuniSelect} ${w} ${comuniOrder} LIMIT ${limit} OFFSET ${offset}`,
      w.params,
    );
    return { items: rows.map(toComune), total: n!.n, page: q.page, pageSize: q.pageSize };
  });
}

const dateTime = (d: Date | null) =>
  d
    ? new Intl.DateTimeFormat('it-IT', {
        timeZone: 'Europe/Rome',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(d)
    : null;

/** The list of Comuni (with the same filters, every page) as an XLSX file. */
export async function exportWaveComuni(
  ctx: Ctx,
  waveId: string,
  q: Omit<WaveComuniQuery, 'page' | 'pageSize'>,
): Promise<{ filename: string; body: Buffer }> {
  assertAny(ctx.actor, followers);
  const { rows, title } = await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const [wave] = await tx.query<{ title_it: string }>('SELECT title_it FROM survey_waves WHERE id = $1', [waveId]);
    if (!wave) throw new AppError('surveys.wave.not_found');
    const w = comuniWhere(waveId, q);
    return { rows: await tx.query<ComuneRow>(`${comuniSelect} ${w} ${comuniOrder}`, w.params), title: wave.title_it };
  });
  const today = romeDay(ctx.clock.now());
  const body = await tableToXlsx(
    {
      title: `Rilevazione: ${title}`,
      subtitle: `Comuni e stato della risposta, estratto del ${today.split('-').reverse().join('/')}`,
      note: 'Ordinati dal più indietro: prima chi non ha ancora iniziato, poi da quanto tempo lo stato non cambia.',
      rowHeader: 'Comune',
      columns: [
        { key: 'istat', label: 'Codice ISTAT', group: 'Comune' },
        { key: 'province', label: 'Provincia', group: 'Comune' },
        { key: 'region', label: 'Regione', group: 'Comune' },
        { key: 'band', label: 'Classe demografica', group: 'Comune' },
        { key: 'status', label: 'Stato', group: 'Risposta' },
        { key: 'statusChangedAt', label: 'Stato dal', group: 'Risposta' },
        { key: 'invitedAt', label: 'Invitato il', group: 'Risposta' },
        { key: 'submittedAt', label: 'Inviato il', group: 'Risposta' },
        { key: 'lastActivityAt', label: 'Ultima attività', group: 'Risposta' },
        { key: 'remindersSent', label: 'Solleciti inviati', group: 'Risposta' },
      ],
      rows: rows.map((r) => ({
        label: r.name,
        cells: {
          istat: r.istat,
          province: r.province_sigla,
          region: r.region_name,
          band: bandNames[r.band] ?? r.band,
          status: statusNames[r.status] ?? r.status,
          statusChangedAt: dateTime(r.status_changed_at),
          invitedAt: dateTime(r.invited_at),
          submittedAt: dateTime(r.submitted_at),
          lastActivityAt: dateTime(r.last_activity_at),
          remindersSent: r.reminders_sent,
        },
      })),
    },
    { sheetName: 'Comuni', creator: 'InCaS' },
  );
  return { filename: `rilevazione-${waveId.slice(0, 8)}-comuni-${today}.xlsx`, body };
}
