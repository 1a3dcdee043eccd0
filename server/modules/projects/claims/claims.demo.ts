/**
 * The demo's reimbursement claims (issue 12 item 9), written with this part's own statements so
 * that they are exactly what the service would have written: a claim per semester of each running
 * or concluded project, frozen when sent (snapshots and totals), the older ones verified by the
 * demo revisore with their verbale, approved and paid, and the latest of each project in a state
 * of its own, so that every state of the claim is on screen: a draft, sent, under verification,
 * integrations requested, counter-arguments, approved, paid, and one superseded by a new version.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../platform/db/db.js';
import { Rng, seedOf } from '../../../platform/random.js';
import type { ClaimStatus } from './claims.rules.js';
import {
  freezeClaimExpenses,
  insertClaim,
  insertEvent,
  selectClaim,
  selectClaimExpenses,
  setExpenseStatus,
  updateClaimStatus,
  updateClaimSubmitted,
  updateClaimVerbale,
  upsertVerification,
} from './claims.repo.js';
import { liveTotals, rulesOf } from './claims.service.js';

export interface ClaimsDemoProject {
  id: string;
  comuneIstat: string;
  status: string;
  start: string;
  end: string;
  callVersionId: string;
  /** Who acts for the Comune (its amministrativo, or ANCI's support for Comuni without accounts). */
  comuneUserId: string;
  expenses: ReadonlyArray<{
    id: string;
    docDate: string;
    status: string;
    chargedCents: number;
    warnings: readonly string[];
  }>;
}

const DAY = 86_400_000;
const at = (d: string, days = 0, hour = 10) =>
  new Date(Date.parse(`${d}T${String(hour).padStart(2, '0')}:00:00Z`) + days * DAY);
const addMonths = (d: string, n: number) => {
  const x = new Date(Date.parse(`${d}T00:00:00Z`));
  x.setUTCMonth(x.getUTCMonth() + n);
  return x.toISOString().slice(0, 10);
};
const before = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/** The state each project's latest claim is left in, in turn. */
const latestStates: ClaimStatus[] = [
  'IN_VERIFICA',
  'RICHIESTA_INTEGRAZIONI',
  'CONTRODEDUZIONI',
  'INVIATA',
  'APPROVATA',
  'BOZZA',
  'LIQUIDATA',
];

interface Actors {
  revisoreId: string;
  mlpsId: string;
}

export async function seedClaimsDemo(
  db: Database,
  input: { projects: readonly ClaimsDemoProject[]; today: string } & Actors,
): Promise<{ claims: number; verifications: number; latestByProject: Record<string, string> }> {
  const rng = new Rng(seedOf('incas-claims-demo', 12));
  let claims = 0;
  let verifications = 0;
  let superseded = false;
  const latestByProject: Record<string, string> = {};
  await db.ownerTx(async (tx) => {
    let turn = 0;
    for (const p of input.projects) {
      if (p.status !== 'IN_CORSO' && p.status !== 'CONCLUSO') continue;
      // semesters from the start, each closed at least 45 days before today
      const periods: Array<[string, string]> = [];
      for (let k = 0; ; k++) {
        const from = addMonths(p.start, 6 * k);
        const to = before(addMonths(p.start, 6 * (k + 1)), 1);
        if (to > p.end || to > before(input.today, 45)) break;
        periods.push([from, to]);
      }
      if (periods.length === 0) continue;
      const latest = latestStates[turn++ % latestStates.length]!;
      for (let k = 0; k < periods.length; k++) {
        const [from, to] = periods[k]!;
        const last = k === periods.length - 1;
        const state: ClaimStatus = last
          ? latest
          : k === periods.length - 2 && turn % 3 === 0
            ? 'APPROVATA'
            : 'LIQUIDATA';
        const expenses = p.expenses.filter((e) => e.status === 'VALIDATA' && e.docDate >= from && e.docDate <= to);
        if (expenses.length === 0) continue;
        // one claim awaiting integrations is corrected by a new version, already sent
        const correct = !superseded && state === 'RICHIESTA_INTEGRAZIONI';
        if (correct) superseded = true;
        const first = await writeClaim(tx, rng, p, input, {
          claimNo: k + 1,
          versionNo: 1,
          supersedesId: null,
          from,
          to,
          state,
          expenses,
        });
        claims++;
        verifications += first.verifications;
        latestByProject[p.id] = first.id;
        if (correct) {
          const second = await writeClaim(tx, rng, p, input, {
            claimNo: k + 1,
            versionNo: 2,
            supersedesId: first.id,
            from,
            to,
            state: 'INVIATA',
            expenses: expenses.filter((e) => !first.notEligible.includes(e.id)),
            sentAfter: first.lastAt,
          });
          claims++;
          verifications += second.verifications;
          latestByProject[p.id] = second.id;
        }
      }
    }
  });
  return { claims, verifications, latestByProject };
}

/** The order of the states a claim passes through on its way to `state`. */
function pathTo(state: ClaimStatus): ClaimStatus[] {
  const main: ClaimStatus[] = ['BOZZA', 'INVIATA', 'IN_VERIFICA'];
  if (state === 'BOZZA') return ['BOZZA'];
  if (state === 'INVIATA') return main.slice(0, 2);
  if (state === 'IN_VERIFICA') return main;
  if (state === 'RICHIESTA_INTEGRAZIONI') return [...main, 'RICHIESTA_INTEGRAZIONI'];
  if (state === 'CONTRODEDUZIONI') return [...main, 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI'];
  if (state === 'APPROVATA') return [...main, 'APPROVATA'];
  return [...main, 'APPROVATA', 'LIQUIDATA'];
}

const notes: Partial<Record<ClaimStatus, string>> = {
  RICHIESTA_INTEGRAZIONI:
    'Per due fatture manca la quietanza del pagamento; per i cedolini del mese di marzo servono i prospetti delle ore imputate al progetto.',
  CONTRODEDUZIONI:
    'Si allegano le quietanze dei bonifici e i prospetti delle ore firmati dal responsabile del servizio.',
};

async function writeClaim(
  tx: Queryable,
  rng: Rng,
  p: ClaimsDemoProject,
  input: Actors & { today: string },
  c: {
    claimNo: number;
    versionNo: number;
    supersedesId: string | null;
    from: string;
    to: string;
    state: ClaimStatus;
    expenses: ClaimsDemoProject['expenses'];
    sentAfter?: Date;
  },
): Promise<{ id: string; verifications: number; notEligible: string[]; lastAt: Date }> {
  const id = randomUUID();
  const createdAt = c.sentAfter ? new Date(c.sentAfter.getTime() + DAY) : at(c.to, 5);
  await insertClaim(tx, {
    id,
    projectId: p.id,
    comune: p.comuneIstat,
    claimNo: c.claimNo,
    versionNo: c.versionNo,
    supersedesId: c.supersedesId,
    periodStart: c.from,
    periodEnd: c.to,
    by: p.comuneUserId,
    now: createdAt,
  });
  await tx.query(
    `INSERT INTO project_claim_expenses (claim_id, expense_id, project_id, comune_istat, charged_cents)
     SELECT $1, e.id, $2, $3, e.charged_cents FROM project_expenses e WHERE e.id = ANY($4::uuid[])`,
    [id, p.id, p.comuneIstat, c.expenses.map((e) => e.id)],
  );
  const path = pathTo(c.state);
  let when = createdAt;
  // never after the day of the demo: a recent claim's steps crowd into its last days
  const latest = at(input.today, -1);
  const step = (days: number) => {
    const next = new Date(when.getTime() + days * DAY + rng.int(0, 6) * 3_600_000);
    when = next > latest ? new Date(Math.max(when.getTime() + 60_000, latest.getTime())) : next;
  };
  const event = async (from: ClaimStatus | null, to: ClaimStatus, actorId: string, note: string | null = null) =>
    insertEvent(tx, {
      id: randomUUID(),
      claimId: id,
      projectId: p.id,
      comune: p.comuneIstat,
      from,
      to,
      note,
      actorId,
      at: when,
    });
  if (path.length === 1) return { id, verifications: 0, notEligible: [], lastAt: when };

  // sent: the expenses frozen as they stand, the totals against the budget in force
  step(rng.int(2, 10));
  const rules = await rulesOf(tx, p.callVersionId);
  const claim = (await selectClaim(tx, p.id, id))!;
  await freezeClaimExpenses(tx, p.id, id);
  const frozen = await selectClaimExpenses(tx, p.id, id);
  const totals = await liveTotals(
    tx,
    rules,
    claim,
    frozen.map((e) => ({ categoryCode: e.snapshot!.categoryCode, chargedCents: e.charged_cents })),
  );
  await updateClaimSubmitted(tx, { id, totals, requestedCents: totals.claimedCents, by: p.comuneUserId, now: when });
  await setExpenseStatus(
    tx,
    c.expenses.map((e) => e.id),
    ['VALIDATA', 'IN_DOMANDA'],
    'IN_DOMANDA',
    when,
  );
  if (c.supersedesId) {
    // the expenses the new version drops are free again
    const kept = new Set(c.expenses.map((e) => e.id));
    const dropped = (await selectClaimExpenses(tx, p.id, c.supersedesId))
      .map((e) => e.expense_id)
      .filter((x) => !kept.has(x));
    await setExpenseStatus(tx, dropped, ['IN_DOMANDA'], 'VALIDATA', when);
    await updateClaimStatus(tx, c.supersedesId, 'SOSTITUITA', when);
    await insertEvent(tx, {
      id: randomUUID(),
      claimId: c.supersedesId,
      projectId: p.id,
      comune: p.comuneIstat,
      from: 'RICHIESTA_INTEGRAZIONI',
      to: 'SOSTITUITA',
      note: `Sostituita dalla versione ${c.versionNo}`,
      actorId: p.comuneUserId,
      at: when,
    });
  }
  await event('BOZZA', 'INVIATA', p.comuneUserId);
  if (path.length === 2) return { id, verifications: 0, notEligible: [], lastAt: when };

  step(rng.int(3, 15));
  await updateClaimStatus(tx, id, 'IN_VERIFICA', when);
  await event('INVIATA', 'IN_VERIFICA', input.revisoreId);

  // the verification: all of it when the verbale follows, part of it while still under verification
  const complete = path.includes('APPROVATA');
  const verified = complete ? c.expenses : c.expenses.filter(() => rng.chance(0.5));
  let eligibleTotal = 0;
  const notEligible: string[] = [];
  for (const e of verified) {
    const doubled = e.warnings.includes('doppio_finanziamento');
    const roll = rng.float();
    const outcome =
      doubled || roll < 0.02 ? 'NON_AMMISSIBILE' : roll < 0.07 ? 'PARZIALMENTE_AMMISSIBILE' : 'AMMISSIBILE';
    const eligible =
      outcome === 'AMMISSIBILE' ? e.chargedCents : outcome === 'NON_AMMISSIBILE' ? 0 : Math.floor(e.chargedCents * 0.8);
    const reasons =
      outcome === 'AMMISSIBILE'
        ? []
        : doubled
          ? ['doppio_finanziamento']
          : outcome === 'NON_AMMISSIBILE'
            ? ['quietanza']
            : ['congruita'];
    const note =
      outcome === 'AMMISSIBILE'
        ? null
        : doubled
          ? 'Lo stesso documento risulta imputato a un altro progetto.'
          : outcome === 'NON_AMMISSIBILE'
            ? 'La quietanza non corrisponde al documento.'
            : 'Importo ricondotto ai costi di mercato per servizi analoghi.';
    if (outcome === 'NON_AMMISSIBILE') notEligible.push(e.id);
    eligibleTotal += eligible;
    await upsertVerification(tx, {
      claimId: id,
      expenseId: e.id,
      projectId: p.id,
      comune: p.comuneIstat,
      outcome,
      eligibleCents: eligible,
      reasons,
      note,
      by: input.revisoreId,
      now: new Date(when.getTime() + rng.int(1, 72) * 3_600_000),
    });
  }

  for (const [from, to, actor] of [
    ['IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', input.revisoreId],
    ['RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI', p.comuneUserId],
  ] as const) {
    if (!path.includes(to)) break;
    step(rng.int(5, 12));
    await updateClaimStatus(tx, id, to, when);
    await event(from, to, actor, notes[to] ?? null);
  }
  if (complete) {
    step(rng.int(5, 20));
    await updateClaimVerbale(tx, {
      id,
      verifiedCents: eligibleTotal,
      verbaleNo: `VV-${c.claimNo}/${when.getUTCFullYear()}`,
      by: input.revisoreId,
      now: when,
    });
    await setExpenseStatus(
      tx,
      c.expenses.map((e) => e.id),
      ['IN_DOMANDA'],
      'VERIFICATA',
      when,
    );
    step(rng.int(10, 30));
    await updateClaimStatus(tx, id, 'APPROVATA', when, { approvedCents: eligibleTotal });
    await event('IN_VERIFICA', 'APPROVATA', input.mlpsId);
    if (path.includes('LIQUIDATA')) {
      step(rng.int(20, 60));
      const paidOn = when.toISOString().slice(0, 10);
      await updateClaimStatus(tx, id, 'LIQUIDATA', when, { paidCents: eligibleTotal, paidOn });
      await event('APPROVATA', 'LIQUIDATA', input.mlpsId);
    }
  }
  return { id, verifications: verified.length, notEligible, lastAt: when };
}
