/**
 * The help desk's figures, computed in SQL over hd_request_facts (a SECURITY DEFINER function that
 * returns facts without Comune, person or text, restricted to the caller's Region for a Region).
 * Counts are of requests, not of persons, so no disclosure control applies (decision 0058); a
 * Region sees its own Region only, the help desk and MLPS every Region or one.
 */
import { romeDate } from '../../../platform/calendar.js';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import type { HelpTopic } from '../shared/vocabulary.js';
import type { Figures, FiguresQuery } from './figures.schema.js';

const num = (v: string | number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

/** The month `n` months before `month` (YYYY-MM). */
function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** GET /help-figures. */
export async function helpFigures(ctx: Ctx, q: FiguresQuery): Promise<Figures> {
  assertCan(ctx.actor, 'helpdesk.figures.read');
  const scope = ctx.actor.scope;
  let region: string | null = q.region ?? null;
  if (scope.level === 'regione') {
    if (region !== null && region !== scope.regionCode)
      throw new AppError('forbidden', "A Region reads its own Region's figures");
    region = scope.regionCode;
  } else if (scope.level !== 'national') throw new AppError('forbidden', 'Figures are for national and regional staff');
  const to = q.to ?? romeDate(ctx.clock.now()).slice(0, 7);
  const from = q.from ?? monthsBefore(to, 11);
  if (from > to)
    throw new AppError('request.invalid', 'The first month comes after the last', {
      fieldIssues: [{ path: 'querystring.from', message: 'After `to`', code: 'custom' }],
    });
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const facts = `(SELECT * FROM hd_request_facts($1::char(2)) WHERE month BETWEEN $2 AND $3) f`;
    const params = [region, from, to];
    const [totals] = await tx.query<{
      total: number;
      open: number;
      fa_n: number;
      fa_median: string | null;
      fa_p90: string | null;
      res_n: number;
      res_median: string | null;
      res_p90: string | null;
      in_time: number;
      sat_n: number;
      sat_avg: string | null;
    }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status NOT IN ('RISOLTA', 'CHIUSA'))::int AS open,
              count(first_answer_days)::int AS fa_n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY first_answer_days) AS fa_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY first_answer_days) AS fa_p90,
              count(resolution_days)::int AS res_n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_days) AS res_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution_days) AS res_p90,
              count(*) FILTER (WHERE resolved_in_time)::int AS in_time,
              count(satisfaction)::int AS sat_n, avg(satisfaction) AS sat_avg
         FROM ${facts}`,
      params,
    );
    const byTopic = await tx.query<{ topic: HelpTopic; count: number }>(
      `SELECT topic, count(*)::int AS count FROM ${facts} GROUP BY topic ORDER BY count DESC, topic`,
      params,
    );
    const byRegion =
      region === null
        ? await tx.query<{ region_code: string; region_name: string; count: number }>(
            `SELECT f.region_code, r.name AS region_name, count(*)::int AS count FROM ${facts}
               JOIN regions r ON r.code = f.region_code GROUP BY f.region_code, r.name ORDER BY f.region_code`,
            params,
          )
        : [];
    const byMonth = await tx.query<{ month: string; count: number }>(
      `SELECT month, count(*)::int AS count FROM ${facts} GROUP BY month ORDER BY month`,
      params,
    );
    const [regionRow] = region
      ? await tx.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [region])
      : [];
    const t = totals!;
    return {
      regionCode: region,
      regionName: regionRow?.name ?? null,
      from,
      to,
      total: t.total,
      open: t.open,
      byTopic,
      byRegion: byRegion.map((r) => ({ regionCode: r.region_code, regionName: r.region_name, count: r.count })),
      byMonth,
      firstAnswer: { n: t.fa_n, median: num(t.fa_median), p90: num(t.fa_p90) },
      resolution: { n: t.res_n, median: num(t.res_median), p90: num(t.res_p90) },
      resolved: t.res_n,
      resolvedInTimeShare: t.res_n ? Math.round((t.in_time / t.res_n) * 1000) / 1000 : null,
      satisfaction: { n: t.sat_n, average: t.sat_avg === null ? null : Math.round(Number(t.sat_avg) * 100) / 100 },
    };
  });
}
