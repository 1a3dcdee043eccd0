/**
 * The read endpoints the benchmark loads (bench/run.ts), with their targets and the fingerprint
 * that proves the app and the floor answered alike.
 */
import { createHash } from 'node:crypto';
import { funnelEndpoint } from './surveys-funnel.js';

/** Targets of an endpoint (informative: a miss is reported, not an error). */
export interface Targets {
  /** app req/s ÷ floor req/s at every number of connections. */
  minRatio?: number;
  /** app p99 below this many ms … */
  maxP99Ms?: number;
  /** … at this many connections. */
  p99AtConnections?: number;
}
const readPathTargets: Targets = { minRatio: 0.5, maxP99Ms: 50, p99AtConnections: 50 };

export interface Endpoint {
  key: string;
  label: string;
  /** `{caseId}`, `{from}` and `{to}` are filled in once the pilot data exists. */
  path: string;
  /** Needs the generated pilot data. */
  pilot?: boolean;
  /** Needs the generated survey wave (bench/surveys-funnel.ts). */
  surveys?: boolean;
  /** Measured with the MLPS session instead of the operatore's. */
  comparativeSession?: boolean;
  /** Connections to measure at, instead of BENCH_CONNECTIONS. */
  connections?: number[];
  /** autocannon's request timeout, s (default 10). */
  timeoutSeconds?: number;
  /**
   * Requests that take seconds: measure a fixed number of requests per connection instead of
   * BENCH_SECONDS, without warm-up (the agreement check has run it once).
   */
  requestsPerConnection?: number;
  targets: Targets;
  /** What must be equal in the app's and the floor's answer: proof that both did the same work. */
  fingerprint: (body: unknown) => string;
}

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12);

/** Members of the case file, from the app's shape (personId) or the floor's (id). */
interface FileMember {
  personId?: string;
  id?: string;
  pseudonym: string;
  identity: unknown;
  permits: { number: string | null }[];
}

export const endpoints: Endpoint[] = [
  {
    key: 'search',
    label: 'Comune search',
    path: '/api/v1/comuni?q=san',
    targets: readPathTargets,
    fingerprint: (body) => {
      const b = body as { total: number; items: { istatCode: string }[] };
      return `total ${b.total}, ${b.items.length} items: ${b.items.map((i) => i.istatCode).join(' ')}`;
    },
  },
  {
    key: 'detail',
    label: 'Comune detail',
    path: '/api/v1/comuni/087015',
    targets: readPathTargets,
    fingerprint: (body) => {
      const b = body as { istatCode: string; name: string; organisations: { id: string }[] };
      return `${b.istatCode} ${b.name}, organisations: ${b.organisations.map((o) => o.id).join(' ')}`;
    },
  },
  {
    key: 'me',
    label: '/me',
    path: '/api/v1/me',
    targets: readPathTargets,
    fingerprint: (body) => {
      const b = body as { user: { id: string; email: string }; organisation: { id: string }; roles: string[] };
      return `${b.user.email} ${b.user.id}, organisation ${b.organisation.id}, roles ${b.roles.join(' ')}`;
    },
  },
  {
    key: 'cases',
    label: 'Pilot case list',
    path: '/api/v1/pilot/cases?status=pai_attivo&pageSize=50',
    pilot: true,
    targets: { minRatio: 0.5 },
    fingerprint: (body) => {
      const b = body as {
        total: number;
        items: { id: string; pseudonym: string; permitStatus: string | null; paiStatus: string | null }[];
      };
      return (
        `total ${b.total}, ${b.items.length} items: ${b.items.map((i) => `${i.pseudonym}/${i.permitStatus}/${i.paiStatus}`).join(' ')} ` +
        `(ids ${digest(b.items.map((i) => i.id))})`
      );
    },
  },
  {
    key: 'namesearch',
    label: 'Pilot search by part of a name',
    // part of a surname with an accent the name has not, and part of a given name, among the
    // operatore's ~7,700 Catania persons: keyed trigrams, candidates decrypted and verified
    path: '/api/v1/pilot/cases?q=Tra%C3%B2r%20amin&pageSize=20',
    pilot: true,
    targets: { minRatio: 0.5 },
    fingerprint: (body) => {
      const b = body as { total: number; items: { id: string; pseudonym: string; holderName: string }[] };
      return (
        `total ${b.total}, ${b.items.length} items: ${b.items.map((i) => i.pseudonym).join(' ')} ` +
        `(ids ${digest(b.items.map((i) => i.id))}, names ${digest(b.items.map((i) => i.holderName))})`
      );
    },
  },
  {
    key: 'case',
    label: 'Pilot case file',
    path: '/api/v1/pilot/cases/{caseId}',
    pilot: true,
    targets: { minRatio: 0.5 },
    fingerprint: (body) => {
      const b = body as { id: string; members: FileMember[]; events: unknown[] };
      // identities and permit numbers as a digest: decrypted alike, never printed
      return (
        `case ${b.id}, members ${b.members.map((m) => `${m.pseudonym} ${m.personId ?? m.id}`).join(', ')}, ` +
        `identities and permit numbers ${digest(b.members.map((m) => [m.identity, m.permits.map((p) => p.number)]))}, ${b.events.length} events`
      );
    },
  },
  {
    key: 'comparative',
    label: 'Quadro comparativo',
    path: '/api/v1/pilot/comparative?from={from}&to={to}',
    pilot: true,
    comparativeSession: true,
    // the app reuses a period's aggregates for INCAS_COMPARATIVE_CACHE_SECONDS (60 by default; the
    // warm-up fills it), the floor computes them on every request: most of a second each at 50,000
    // cases. The target is stated at 10 connections; BENCH_COMPARATIVE_PER_CONNECTION=2 (with
    // INCAS_COMPARATIVE_CACHE_SECONDS=0) measures the uncached app instead
    connections: [10],
    timeoutSeconds: 120,
    ...(process.env.BENCH_COMPARATIVE_PER_CONNECTION
      ? { requestsPerConnection: Number(process.env.BENCH_COMPARATIVE_PER_CONNECTION) }
      : {}),
    targets: { maxP99Ms: 200, p99AtConnections: 10 },
    fingerprint: (body) => {
      const b = body as { rows: { comuneIstat: string | null; cells: Record<string, unknown> }[]; viewer: string };
      return (
        `${b.rows.length} rows (${b.viewer}), holders in charge ${b.rows.map((r) => String(r.cells.holders_in_charge)).join(' ')}, ` +
        `cells ${digest(b.rows)}`
      );
    },
  },
  funnelEndpoint,
];
