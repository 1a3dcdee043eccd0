/** The benchmark's settings, from BENCH_* environment variables (see bench/README.md). */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function numberEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min} (got "${raw}")`);
  return n;
}

export const settings = {
  adminUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  seconds: numberEnv('BENCH_SECONDS', 8, 1),
  warmupSeconds: numberEnv('BENCH_WARMUP_SECONDS', 2, 0),
  connections: (process.env.BENCH_CONNECTIONS || '10,50').split(',').map((c) => {
    const n = Number(c.trim());
    if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_CONNECTIONS: "${c}" is not a positive integer`);
    return n;
  }),
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : null,
  maxNon2xx: numberEnv('BENCH_MAX_NON2XX', 5, 0),
  /** Generated cases per pilot Comune (10 Comuni). */
  pilotCases: numberEnv('BENCH_PILOT_CASES', 5000, 50),
  resultsDir: process.env.BENCH_RESULTS_DIR || join(tmpdir(), 'incas-bench'),
  /** Extra node arguments for both server children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
  nodeArgs: (process.env.BENCH_NODE_ARGS || '').split(/\s+/).filter(Boolean),
};
