/**
 * Synthetic data of the 18-ter pilot for demo mode: referrals, persons and households, permits,
 * cases in every status, admissions, PAIs with measures, contracts, outcomes, the 2026 budget and
 * critical issues for each of the 10 pilot Comuni, so the quadro comparativo and the case pages
 * look real. Every person is invented (names from a fixed list of made-up words); identities are
 * encrypted like real ones. Deterministic (seeded per Comune), loaded once, in one transaction
 * with multi-row INSERTs.
 */
import type { FieldCipher } from '../../platform/crypto.js';
import type { Database, Queryable } from '../../platform/db/db.js';
import { planPilotDemo } from './demo.pilot.plan.js';
import type { DemoComune, PilotPlan } from './demo.pilot.work.js';
import { writePlan } from './demo.pilot.write.js';

/** The default seed: the same demo data at every start. */
export const PILOT_DEMO_SEED = 18;

export interface PilotSeedOptions {
  /** The seed's "today": dates run from 2026-01-10 up to it. Default: now. */
  today?: Date;
  seed?: number;
  /** The pilot Comuni (ISTAT code and the slug of their demo accounts) and the demo mail domain. */
  comuni: readonly { istat: string; slug: string }[];
  domain: string;
}

export interface PilotSeedResult {
  created: boolean;
  ms: number;
  counts: Record<string, number>;
}

/** The pilot Comuni with their demo staff and organisations; null when the demo accounts are missing. */
async function loadComuni(tx: Queryable, opts: PilotSeedOptions): Promise<DemoComune[] | null> {
  const emails = [
    `assistenza.anci@${opts.domain}`,
    ...opts.comuni.flatMap((c) => [`operatore.${c.slug}@${opts.domain}`, `referente.${c.slug}@${opts.domain}`]),
  ];
  const users = await tx.query<{ email: string; id: string; display_name: string; org_id: string; org_name: string }>(
    `SELECT u.email, u.id, u.display_name, o.id AS org_id, o.name AS org_name
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = ANY($1::text[])`,
    [emails],
  );
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const places = await tx.query<{ istat: string; name: string; sigla: string }>(
    `SELECT c.istat_code AS istat, c.name, p.sigla FROM comuni c JOIN provinces p ON p.code = c.province_code
      WHERE c.istat_code = ANY($1::text[])`,
    [opts.comuni.map((c) => c.istat)],
  );
  const anci = byEmail.get(`assistenza.anci@${opts.domain}`);
  const out: DemoComune[] = [];
  for (const { istat, slug } of opts.comuni) {
    const op = byEmail.get(`operatore.${slug}@${opts.domain}`);
    const ref = byEmail.get(`referente.${slug}@${opts.domain}`);
    const place = places.find((p) => p.istat === istat);
    if (!op || !ref || !anci || !place) return null;
    out.push({
      istat,
      name: place.name,
      sigla: place.sigla,
      operatoreId: op.id,
      referenteId: ref.id,
      referenteName: ref.display_name,
      anciId: anci.id,
      comuneOrgId: ref.org_id,
      enteOrgId: op.org_id,
      enteName: op.org_name,
    });
  }
  return out;
}

function countsOf(plan: PilotPlan): Record<string, number> {
  return {
    holders: plan.cases.length,
    familyMembers: plan.persons.length - plan.cases.length,
    referrals: plan.referrals.length,
    permits: plan.permits.length + plan.successorPermits.length,
    admissions: plan.admissions.length,
    pais: plan.pais.length,
    measures: plan.measures.length,
    contracts: plan.contracts.length,
    outcomes: plan.outcomes.length,
    events: plan.events.length,
    issues: plan.issues.length,
  };
}

/**
 * Loads the synthetic pilot data once: does nothing when pilot_persons already has rows or the
 * demo accounts are missing. Returns what it wrote and how long it took.
 */
export async function seedPilotDemo(
  db: Database,
  cipher: FieldCipher,
  opts: PilotSeedOptions,
): Promise<PilotSeedResult> {
  const started = performance.now();
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const counts = await db.ownerTx(async (tx) => {
    if ((await tx.query('SELECT 1 FROM pilot_persons LIMIT 1')).length) return null;
    const comuni = await loadComuni(tx, opts);
    if (!comuni) return null;
    const indicators = await tx.query<{ code: string }>(
      'SELECT code FROM pilot_indicators WHERE catalogue_version = 1 ORDER BY position',
    );
    const plan = planPilotDemo({
      comuni,
      indicators: indicators.map((r) => r.code),
      today,
      seed: opts.seed ?? PILOT_DEMO_SEED,
    });
    await writePlan(tx, cipher, plan);
    const counts = countsOf(plan);
    await tx.query(
      `INSERT INTO audit_log (occurred_at, action, outcome, details, prev_hash, hash) VALUES ($1, 'demo.pilot_seed', 'success', $2, '', '')`,
      [new Date(), JSON.stringify(counts)],
    );
    return counts;
  });
  return { created: counts !== null, ms: Math.round(performance.now() - started), counts: counts ?? {} };
}
