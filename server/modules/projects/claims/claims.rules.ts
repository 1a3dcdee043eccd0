/**
 * The rules of a reimbursement claim (issue 12 items 4–5; domain.md §7.3; decision 0051): who
 * moves which transition, what a verification must say for its outcome, and the totals per
 * category against the budget, all in integer cents. Pure: the page shows the same.
 */
import type { CallRules } from '../shared/call-rules.js';
import { checkCaps, type CapCheck } from '../shared/caps.js';

export const claimStatuses = [
  'BOZZA',
  'INVIATA',
  'IN_VERIFICA',
  'RICHIESTA_INTEGRAZIONI',
  'CONTRODEDUZIONI',
  'APPROVATA',
  'LIQUIDATA',
  'SOSTITUITA',
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** Who acts on a claim: the lead Comune's staff, the assigned revisore, MLPS. */
export type ClaimRole = 'comune' | 'revisore' | 'mlps';

export interface TransitionRule {
  from: ClaimStatus;
  to: ClaimStatus;
  by: ClaimRole;
  /** the note is required (the request for integrations, the counter-arguments) */
  note: boolean;
  /** the verbale must have been issued (MLPS's approval) */
  verbale?: boolean;
}

/**
 * The transitions taken with POST …/transitions. Sending (BOZZA → INVIATA) and the new version
 * have their own endpoints. Before the verbale the revisore may ask for integrations as often as
 * needed; once it is issued only MLPS acts.
 */
export const transitions: readonly TransitionRule[] = [
  { from: 'INVIATA', to: 'IN_VERIFICA', by: 'revisore', note: false },
  { from: 'IN_VERIFICA', to: 'RICHIESTA_INTEGRAZIONI', by: 'revisore', note: true },
  { from: 'RICHIESTA_INTEGRAZIONI', to: 'CONTRODEDUZIONI', by: 'comune', note: true },
  { from: 'CONTRODEDUZIONI', to: 'RICHIESTA_INTEGRAZIONI', by: 'revisore', note: true },
  { from: 'IN_VERIFICA', to: 'APPROVATA', by: 'mlps', note: false, verbale: true },
  { from: 'CONTRODEDUZIONI', to: 'APPROVATA', by: 'mlps', note: false, verbale: true },
  { from: 'APPROVATA', to: 'LIQUIDATA', by: 'mlps', note: false },
];

/** The transition from `from` to `to` for `role`, or why not: 'state' (none from here) or 'role'. */
export function planTransition(
  role: ClaimRole | null,
  from: ClaimStatus,
  to: ClaimStatus,
  verbaleIssued: boolean,
): { ok: true; rule: TransitionRule } | { ok: false; reason: 'state' | 'role' | 'verbale' } {
  const rule = transitions.find((t) => t.from === from && t.to === to);
  if (!rule) return { ok: false, reason: 'state' };
  if (rule.by !== role) return { ok: false, reason: 'role' };
  if (rule.verbale && !verbaleIssued) return { ok: false, reason: 'verbale' };
  // once the verbale is issued, the revisore's requests are over
  if (rule.by === 'revisore' && verbaleIssued) return { ok: false, reason: 'state' };
  return { ok: true, rule };
}

/** The actions `role` may take on a claim now (for the page's buttons). */
export function allowedActions(
  role: ClaimRole | null,
  c: { status: ClaimStatus; verbaleIssued: boolean; allVerified: boolean; hasNewVersion: boolean },
): string[] {
  const out: string[] = [];
  for (const t of transitions) {
    if (t.from === c.status && planTransition(role, c.status, t.to, c.verbaleIssued).ok) out.push(t.to);
  }
  if (role === 'comune' && c.status === 'BOZZA') out.push('EXPENSES', 'SUBMIT');
  if (role === 'comune' && c.status === 'RICHIESTA_INTEGRAZIONI' && !c.hasNewVersion) out.push('NEW_VERSION');
  if (role === 'revisore' && verifiable(c.status) && !c.verbaleIssued) {
    out.push('VERIFY');
    if (c.allVerified) out.push('VERBALE');
  }
  return out;
}

/** The revisore verifies while the claim is under verification and the verbale not yet issued. */
export const verifiable = (s: ClaimStatus): boolean => s === 'IN_VERIFICA' || s === 'CONTRODEDUZIONI';

/** An expense counts as "in a claim" unless that claim was superseded. */
export const activeClaim = (s: ClaimStatus): boolean => s !== 'SOSTITUITA';

// ——— the verification of one expense ———

export const outcomes = ['AMMISSIBILE', 'PARZIALMENTE_AMMISSIBILE', 'NON_AMMISSIBILE'] as const;
export type Outcome = (typeof outcomes)[number];

/** The checklist of the verification (the reasons an expense is not, or only partly, eligible). */
export const checklist = [
  'imputazione',
  'pertinenza',
  'periodo',
  'quietanza',
  'annullamento',
  'massimali',
  'doppio_finanziamento',
  'congruita',
] as const;
export type ChecklistCode = (typeof checklist)[number];

/** The checklist in words, as the verbale and its allegati write it. */
export const checklistWords: Record<ChecklistCode, string> = {
  imputazione: 'Imputazione alla voce del piano finanziario',
  pertinenza: 'Pertinenza con le attività del progetto',
  periodo: 'Periodo di ammissibilità',
  quietanza: 'Prova del pagamento (quietanza)',
  annullamento: 'Annullamento del giustificativo',
  massimali: 'Rispetto dei massimali',
  doppio_finanziamento: 'Doppio finanziamento',
  congruita: 'Congruità e ragionevolezza della spesa',
};

export const outcomeWords: Record<Outcome, string> = {
  AMMISSIBILE: 'Ammissibile',
  PARZIALMENTE_AMMISSIBILE: 'Parzialmente ammissibile',
  NON_AMMISSIBILE: 'Non ammissibile',
};

export const statusWords: Record<ClaimStatus, string> = {
  BOZZA: 'Bozza',
  INVIATA: 'Inviata',
  IN_VERIFICA: 'In verifica',
  RICHIESTA_INTEGRAZIONI: 'Richiesta integrazioni',
  CONTRODEDUZIONI: 'Controdeduzioni',
  APPROVATA: 'Approvata',
  LIQUIDATA: 'Liquidata',
  SOSTITUITA: 'Sostituita',
};

/**
 * The eligible amount a verification records, or the reason it is refused: AMMISSIBILE takes the
 * whole charged amount (and no reason is needed); PARZIALMENTE_AMMISSIBILE needs 0 < eligible <
 * charged and at least one reason; NON_AMMISSIBILE is 0 with at least one reason.
 */
export function checkVerification(
  v: { outcome: Outcome; eligibleCents?: number | undefined; reasons: readonly string[] },
  chargedCents: number,
): { ok: true; eligibleCents: number } | { ok: false; message: string } {
  if (v.outcome === 'AMMISSIBILE') {
    if (v.eligibleCents !== undefined && v.eligibleCents !== chargedCents)
      return { ok: false, message: "Una spesa ammissibile lo è per l'intero importo imputato." };
    return { ok: true, eligibleCents: chargedCents };
  }
  if (v.reasons.length === 0) return { ok: false, message: 'Indicare almeno un motivo dalla lista di controllo.' };
  if (v.outcome === 'NON_AMMISSIBILE') {
    if (v.eligibleCents !== undefined && v.eligibleCents !== 0)
      return { ok: false, message: 'Una spesa non ammissibile ha importo ammissibile zero.' };
    return { ok: true, eligibleCents: 0 };
  }
  if (v.eligibleCents === undefined || v.eligibleCents <= 0 || v.eligibleCents >= chargedCents)
    return {
      ok: false,
      message:
        "L'importo ammissibile di una spesa parzialmente ammissibile è maggiore di zero e minore dell'importo imputato.",
    };
  return { ok: true, eligibleCents: v.eligibleCents };
}

// ——— totals ———

export interface BudgetLineAmount {
  categoryCode: string;
  amountCents: number;
}

export interface CategoryTotal {
  code: string;
  label: string;
  /** a sub-item's parent (for display) */
  parent: string | null;
  budgetCents: number;
  /** this claim's amount */
  claimedCents: number;
  /** the earlier claims' amounts (sent, not superseded) */
  previousCents: number;
  /** earlier + this, against the budget */
  cumulativeCents: number;
  /** cumulative over budget in basis points (0 when the budget is 0) */
  progressBp: number;
}

export interface ClaimTotals {
  categories: CategoryTotal[];
  budgetCents: number;
  claimedCents: number;
  previousCents: number;
  cumulativeCents: number;
  progressBp: number;
}

const bpOf = (part: number, whole: number): number => (whole > 0 ? Math.floor((part * 10_000) / whole) : 0);

/**
 * Totals per category of the call (the categories with a budget or an amount, in the call's order)
 * against the budget in force: this claim, the earlier ones, cumulative and the progress.
 */
export function claimTotals(
  rules: CallRules,
  budget: readonly BudgetLineAmount[],
  claimed: readonly BudgetLineAmount[],
  previous: readonly BudgetLineAmount[],
): ClaimTotals {
  const sum = (xs: readonly BudgetLineAmount[], code: string) =>
    xs.filter((x) => x.categoryCode === code).reduce((s, x) => s + x.amountCents, 0);
  const used = new Set([...budget, ...claimed, ...previous].map((x) => x.categoryCode));
  const known = rules.categories.filter((c) => used.has(c.code));
  const unknown = [...used].filter((c) => !rules.categories.some((k) => k.code === c)).sort();
  const categories = [
    ...known.map((c) => ({ code: c.code, label: c.labelIt, parent: c.parent ?? null })),
    ...unknown.map((code) => ({ code, label: code, parent: null })),
  ].map((c) => {
    const budgetCents = sum(budget, c.code);
    const claimedCents = sum(claimed, c.code);
    const previousCents = sum(previous, c.code);
    const cumulativeCents = claimedCents + previousCents;
    return {
      ...c,
      budgetCents,
      claimedCents,
      previousCents,
      cumulativeCents,
      progressBp: bpOf(cumulativeCents, budgetCents),
    };
  });
  const total = (k: 'budgetCents' | 'claimedCents' | 'previousCents') => categories.reduce((s, c) => s + c[k], 0);
  const budgetCents = total('budgetCents');
  const claimedCents = total('claimedCents');
  const previousCents = total('previousCents');
  return {
    categories,
    budgetCents,
    claimedCents,
    previousCents,
    cumulativeCents: claimedCents + previousCents,
    progressBp: bpOf(claimedCents + previousCents, budgetCents),
  };
}

export interface VerifiedExpense {
  categoryCode: string;
  chargedCents: number;
  eligibleCents: number;
}

export interface VerifiedCategory {
  code: string;
  label: string;
  budgetCents: number;
  requestedCents: number;
  eligibleCents: number;
  notEligibleCents: number;
}

export interface VerificationResults {
  categories: VerifiedCategory[];
  requestedCents: number;
  eligibleCents: number;
  notEligibleCents: number;
  budgetCents: number;
  /** the call's caps over the verified (eligible) amounts */
  caps: CapCheck[];
}

/** Allegato 2: per category requested, eligible, not eligible and budget; the caps over the eligible amounts. */
export function verificationResults(
  rules: CallRules,
  budget: readonly BudgetLineAmount[],
  expenses: readonly VerifiedExpense[],
): VerificationResults {
  const used = new Set([...budget.map((b) => b.categoryCode), ...expenses.map((e) => e.categoryCode)]);
  const codes = [
    ...rules.categories.filter((c) => used.has(c.code)).map((c) => ({ code: c.code, label: c.labelIt })),
    ...[...used].filter((c) => !rules.categories.some((k) => k.code === c)).map((code) => ({ code, label: code })),
  ];
  const categories = codes
    .map((c) => {
      const mine = expenses.filter((e) => e.categoryCode === c.code);
      const requestedCents = mine.reduce((s, e) => s + e.chargedCents, 0);
      const eligibleCents = mine.reduce((s, e) => s + e.eligibleCents, 0);
      return {
        ...c,
        budgetCents: budget.filter((b) => b.categoryCode === c.code).reduce((s, b) => s + b.amountCents, 0),
        requestedCents,
        eligibleCents,
        notEligibleCents: requestedCents - eligibleCents,
      };
    })
    .filter((c) => c.budgetCents > 0 || c.requestedCents > 0);
  const requestedCents = categories.reduce((s, c) => s + c.requestedCents, 0);
  const eligibleCents = categories.reduce((s, c) => s + c.eligibleCents, 0);
  return {
    categories,
    requestedCents,
    eligibleCents,
    notEligibleCents: requestedCents - eligibleCents,
    budgetCents: categories.reduce((s, c) => s + c.budgetCents, 0),
    caps: checkCaps(
      rules,
      expenses.map((e) => ({ categoryCode: e.categoryCode, cents: e.eligibleCents })),
    ),
  };
}
