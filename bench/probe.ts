/**
 * Where the CPU goes during a measurement, read from Linux's /proc: the whole machine's busy
 * share, and the CPU time of the PostgreSQL backends serving one pool. Best effort: on another
 * system, or when PostgreSQL runs in another container, the readings are null.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
const TICK_US = 10_000;

export interface MachineCpu {
  busy: number;
  total: number;
}

export function readMachineCpu(): MachineCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest times are already in user/nice)
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return Number.isFinite(total) && total > 0 ? { busy: total - idle, total } : null;
  } catch {
    return null;
  }
}

/** Share of all CPUs that was busy between two readings, in percent. */
export function busyPercent(a: MachineCpu | null, b: MachineCpu | null): number | null {
  if (!a || !b || b.total <= a.total) return null;
  return (100 * (b.busy - a.busy)) / (b.total - a.total);
}

function processCpuUs(pid: number): number | null {
  try {
    if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) return null;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state is field 3, utime field 14, stime field 15
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * TICK_US : null;
  } catch {
    return null;
  }
}

/** CPU time (µs) of each backend of the database serving connections named `applicationName`. */
export async function readBackendsCpu(
  admin: pg.Client,
  database: string,
  applicationName: string,
): Promise<Map<number, number> | null> {
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
    [database, applicationName],
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const us = processCpuUs(pid);
    if (us === null) return null;
    out.set(pid, us);
  }
  return out;
}

/** CPU µs the backends spent between two readings (backends present in both). */
export function backendsCpuDelta(a: Map<number, number> | null, b: Map<number, number> | null): number | null {
  if (!a || !b || a.size === 0) return null;
  let sum = 0;
  for (const [pid, us] of b) {
    const before = a.get(pid);
    if (before !== undefined) sum += us - before;
  }
  return sum;
}
