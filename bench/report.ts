/**
 * The benchmark's report (bench/run.ts): the comparison tables, the targets met or missed and the
 * errors of every measurement.
 */
import { endpoints } from './endpoints.js';

export interface Side {
  /** Mean of autocannon's one-second samples. */
  rps: number;
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  warmup: { requests: number; non2xx: number; errors: number; timeouts: number; statusCodes: Record<string, number> };
  /** Database round trips per request (pg Client#query calls, BEGIN/COMMIT included). */
  queriesPerRequest: number;
  /** CPU time of the server process per request, µs. */
  serverCpuUsPerRequest: number;
  /** CPU time of the PostgreSQL backends of the server's pool per request, µs (null: not readable). */
  pgCpuUsPerRequest: number | null;
  /** CPU time of this process (autocannon, the load generator) per request, µs. */
  loadCpuUsPerRequest: number;
  /** Share of all the machine's CPUs busy during the measurement, %. */
  machineBusyPercent: number | null;
}

export interface Row {
  endpoint: string;
  label: string;
  path: string;
  connections: number;
  app: Side;
  floor: Side;
  /** app req/s ÷ floor req/s. */
  ratio: number;
}

function table(header: string[], rows: string[][], rightAlignFrom = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i >= rightAlignFrom ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

export const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number | null) => (n === null ? 'n/a' : n.toFixed(1));
export const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

function errorsOf(s: Side): number {
  return s.non2xx + s.errors + s.timeouts + s.warmup.non2xx + s.warmup.errors + s.warmup.timeouts;
}

/** Prints the results, where the time goes, the targets and the errors; fails past `maxNon2xx` errors. */
export function printReport(
  rows: Row[],
  maxNon2xx: number,
): { checks: { what: string; pass: boolean }[]; bad: number; failed: boolean } {
  // --- results -----------------------------------------------------------------------------------
  console.log('\nResults (req/s: mean of 1-s samples; latency of 2xx responses, ms)\n');
  console.log(
    table(
      ['endpoint', 'conns', 'app req/s', 'app p50', 'app p99', 'floor req/s', 'floor p50', 'floor p99', 'app/floor'],
      rows.map((r) => [
        r.label,
        String(r.connections),
        f0(r.app.rps),
        String(r.app.latencyMs.p50),
        String(r.app.latencyMs.p99),
        f0(r.floor.rps),
        String(r.floor.latencyMs.p50),
        String(r.floor.latencyMs.p99),
        f2(r.ratio),
      ]),
    ),
  );
  console.log('\nWhere the time goes (per request; CPU in µs; busy = share of all CPUs of the machine)\n');
  console.log(
    table(
      ['endpoint', 'conns', 'server', 'DB round trips', 'server CPU', 'PG CPU', 'autocannon CPU', 'busy %'],
      rows.flatMap((r) =>
        (['app', 'floor'] as const).map((side) => [
          r.label,
          String(r.connections),
          side,
          f1(r[side].queriesPerRequest),
          f0(r[side].serverCpuUsPerRequest),
          r[side].pgCpuUsPerRequest === null ? 'n/a' : f0(r[side].pgCpuUsPerRequest ?? 0),
          f0(r[side].loadCpuUsPerRequest),
          f1(r[side].machineBusyPercent),
        ]),
      ),
      1,
    ),
  );

  const targetsOf = new Map(endpoints.map((e) => [e.key, e.targets]));
  const checks = rows.flatMap((r) => {
    const tg = targetsOf.get(r.endpoint) ?? {};
    const out: { what: string; pass: boolean }[] = [];
    if (tg.minRatio !== undefined) {
      out.push({
        what: `${r.label} @${r.connections}: app/floor req/s ${f2(r.ratio)} ≥ ${tg.minRatio}`,
        pass: r.ratio >= tg.minRatio,
      });
    }
    if (tg.maxP99Ms !== undefined && r.connections === tg.p99AtConnections) {
      // no completed request is no latency at all, not a latency of 0 ms
      const done = r.app.latencyMs.p99 > 0 || r.app.requests > 0;
      out.push({
        what: `${r.label} @${r.connections}: app p99 ${done ? `${r.app.latencyMs.p99} ms` : 'n/a (no request completed)'} < ${tg.maxP99Ms} ms`,
        pass: done && r.app.latencyMs.p99 < tg.maxP99Ms,
      });
    }
    return out;
  });
  console.log('\nTargets (informative: a miss does not fail the run)\n');
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'MISS'}  ${c.what}`);

  // --- errors -------------------------------------------------------------------------------------
  let bad = 0;
  for (const r of rows) {
    for (const side of ['app', 'floor'] as const) {
      const s = r[side];
      const n = errorsOf(s);
      if (n === 0) continue;
      bad += n;
      console.log(
        `  ${side} ${r.label} @${r.connections}: ${s.non2xx + s.warmup.non2xx} non-2xx, ${s.errors + s.warmup.errors} errors, ` +
          `${s.timeouts + s.warmup.timeouts} timeouts; status codes ${JSON.stringify(s.statusCodes)} (warm-up ${JSON.stringify(s.warmup.statusCodes)})`,
      );
    }
  }
  const failed = bad > maxNon2xx;
  console.log(
    bad === 0
      ? '\nEvery response was 2xx; no socket errors or timeouts.'
      : `\n${bad} non-2xx responses, errors or timeouts in all${failed ? `: more than ${maxNon2xx} (BENCH_MAX_NON2XX), the run FAILS` : ''}.`,
  );

  return { checks, bad, failed };
}
