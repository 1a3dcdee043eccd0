/**
 * The rules of the pseudonymised extract for ANCI/Cittalia technical assistance (security.md §4.2
 * point 8), pure (no I/O): one file per release, for one recipient, where
 * - every pseudonym is replaced by HMAC-SHA-256 with a key of that release alone, so two releases
 *   cannot be joined on it;
 * - the quasi-identifiers (Comune, sex, age band, role) are generalised step by step until every
 *   combination holds at least K persons, and the records still alone are suppressed;
 * - a manifest states the measured k, the generalisation applied and the suppression rate.
 * No name, date of birth, codice fiscale, permit number, address, nationality or free text is
 * ever in it: the rows come from the same SECURITY DEFINER function as the browsing page.
 */
import { createHmac } from 'node:crypto';
import type { PseudonymisedRecord } from './comparative.schema.js';
import type { ExtractRecord, Manifest } from './extract.schema.js';

export const K_MIN = 5;

/** Generalisation steps, from none to the coarsest; each keeps less detail of the quasi-identifiers. */
const steps = [
  { name: 'nessuna', age: (a: string) => a, sex: (s: string) => s },
  { name: 'fasce di età ampie', age: broadAge, sex: (s: string) => s },
  { name: 'fasce di età ampie, sesso omesso', age: broadAge, sex: () => '*' },
  { name: 'età e sesso omessi', age: () => '*', sex: () => '*' },
] as const;

function broadAge(a: string): string {
  if (a === '0-17') return '0-17';
  if (a === '18-24' || a === '25-34') return '18-34';
  if (a === '35-44' || a === '45-54') return '35-54';
  return a === '55+' ? '55+' : '*';
}

const qiKey = (r: { comuneIstat: string; role: string; sex: string; ageBand: string }) =>
  `${r.comuneIstat}|${r.role}|${r.sex}|${r.ageBand}`;

/**
 * Builds a release from raw pseudonymised rows: keyed references, then the least generalisation
 * that leaves at most 5 % of the rows suppressed (or the coarsest), then suppression of the rows
 * whose combination still has fewer than K persons. Pure: the key comes in.
 */
export function buildRelease(
  rows: PseudonymisedRecord[],
  key: Buffer,
  k = K_MIN,
): { records: ExtractRecord[]; kMeasured: number | null; generalisation: string; suppressed: number } {
  let chosen: { records: ExtractRecord[]; suppressed: number; step: string } | null = null;
  for (const step of steps) {
    const generalised = rows.map((r) => ({
      ref: createHmac('sha256', key).update(r.pseudonym).digest('hex').slice(0, 16),
      comuneIstat: r.comuneIstat,
      role: r.role,
      degree: r.role === 'titolare' ? null : r.degree === null ? null : Math.min(r.degree, 3),
      sex: step.sex(r.sex),
      ageBand: step.age(r.ageBand ?? '*'),
      caseStatus: r.caseStatus,
      openedYear: r.openedQuarter.slice(0, 4),
      admitted: r.admitted,
      paiStatus: r.paiStatus,
      measures: r.measures,
      hasContract: r.hasContract,
      exitReason: r.exitReason,
    }));
    const counts = new Map<string, number>();
    for (const g of generalised) counts.set(qiKey(g), (counts.get(qiKey(g)) ?? 0) + 1);
    const kept = generalised.filter((g) => counts.get(qiKey(g))! >= k);
    chosen = { records: kept, suppressed: generalised.length - kept.length, step: step.name };
    if (chosen.suppressed <= rows.length * 0.05) break;
  }
  const records = chosen?.records ?? [];
  const counts = new Map<string, number>();
  for (const r of records) counts.set(qiKey(r), (counts.get(qiKey(r)) ?? 0) + 1);
  const kMeasured = counts.size ? Math.min(...counts.values()) : null;
  // the order of the rows must not follow the order of registration
  records.sort((a, b) => a.ref.localeCompare(b.ref));
  return { records, kMeasured, generalisation: chosen?.step ?? steps[0].name, suppressed: chosen?.suppressed ?? 0 };
}

/** The manifest of a release: the measured k, the generalisation applied and the suppression rate. */
export function manifestOf(
  r: { release: string; generatedAt: string; recipient: string; rows: number },
  built: { records: ExtractRecord[]; kMeasured: number | null; generalisation: string; suppressed: number },
): Manifest {
  return {
    release: r.release,
    generatedAt: r.generatedAt,
    recipient: r.recipient,
    kRequired: K_MIN,
    kMeasured: built.kMeasured,
    generalisation: built.generalisation,
    quasiIdentifiers: ['comuneIstat', 'role', 'sex', 'ageBand'],
    records: built.records.length,
    suppressed: built.suppressed,
    suppressionRate: r.rows ? Math.round((built.suppressed / r.rows) * 1000) / 10 : 0,
    fields: [
      'ref',
      'comuneIstat',
      'role',
      'degree',
      'sex',
      'ageBand',
      'caseStatus',
      'openedYear',
      'admitted',
      'paiStatus',
      'measures',
      'hasContract',
      'exitReason',
    ],
  };
}
