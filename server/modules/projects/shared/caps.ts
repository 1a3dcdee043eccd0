/**
 * The caps of a call applied to amounts per category (a budget's lines, or the expenses charged
 * or verified): pure, integer cents and basis points only, so the browser shows live exactly what
 * the server decides (issue 12 item 2: "G1 Revisore: 7,4% dei costi diretti, massimo 7%").
 */
import { capCovers, type CallRules, type CapRule } from './call-rules.js';
import { capOf, formatBp, formatEuro, shareBp } from './money.js';

export interface CategoryAmount {
  categoryCode: string;
  cents: number;
}

export interface CapCheck {
  capId: string;
  labelIt: string;
  kind: CapRule['kind'];
  basis: CapRule['basis'];
  /** The cap's share, the amount it limits, the basis, the largest (or, flat, the exact) amount allowed. */
  bp: number;
  amountCents: number;
  basisCents: number;
  limitCents: number;
  actualBp: number;
  ok: boolean;
  /** In Italian, for the page and the problem's detail. */
  message: string;
}

export interface BudgetTotals {
  directCents: number;
  indirectCents: number;
  totalCents: number;
  byCategory: Record<string, number>;
}

/** Direct, other and total amounts, and the amount of each category (sub-items also add to their parent's row). */
export function totalsOf(rules: CallRules, amounts: readonly CategoryAmount[]): BudgetTotals {
  const byCategory: Record<string, number> = {};
  let directCents = 0;
  let totalCents = 0;
  for (const a of amounts) {
    const cat = rules.categories.find((c) => c.code === a.categoryCode);
    byCategory[a.categoryCode] = (byCategory[a.categoryCode] ?? 0) + a.cents;
    if (cat?.parent) byCategory[cat.parent] = (byCategory[cat.parent] ?? 0) + a.cents;
    totalCents += a.cents;
    if (cat?.direct) directCents += a.cents;
  }
  return { directCents, indirectCents: totalCents - directCents, totalCents, byCategory };
}

const basisWords: Record<CapRule['basis'], string> = { DIRETTI: 'dei costi diretti', TOTALE: 'del costo totale' };

/**
 * Every cap of the call against the amounts. A MASSIMO cap holds when the amount is at most
 * floor(basis × bp / 10 000); a FORFAIT (flat rate) when the amount is at most that and, for a
 * budget, equal to it (`exactFlat`). A cap whose amount is 0 always holds.
 */
export function checkCaps(
  rules: CallRules,
  amounts: readonly CategoryAmount[],
  options: { exactFlat?: boolean } = {},
): CapCheck[] {
  const totals = totalsOf(rules, amounts);
  return rules.caps.map((cap) => {
    const amountCents = amounts.filter((a) => capCovers(rules, cap, a.categoryCode)).reduce((s, a) => s + a.cents, 0);
    const basisCents = cap.basis === 'DIRETTI' ? totals.directCents : totals.totalCents;
    const limitCents = capOf(basisCents, cap.bp);
    const over = amountCents > limitCents;
    // over the cap, the share is rounded up so that it never reads as the cap itself
    const actualBp =
      over && basisCents > 0 ? Math.ceil((amountCents * 10_000) / basisCents) : shareBp(amountCents, basisCents);
    const notExact = cap.kind === 'FORFAIT' && options.exactFlat === true && amountCents !== limitCents;
    const ok = amountCents === 0 ? !notExact || limitCents === 0 : !over && !notExact;
    const share = basisCents > 0 ? formatBp(actualBp) : formatEuro(amountCents);
    const message =
      cap.kind === 'FORFAIT'
        ? `${cap.labelIt}: ${share} ${basisWords[cap.basis]}, forfait ${formatBp(cap.bp)} (${formatEuro(limitCents)})`
        : `${cap.labelIt}: ${share} ${basisWords[cap.basis]}, massimo ${formatBp(cap.bp)}`;
    return {
      capId: cap.id,
      labelIt: cap.labelIt,
      kind: cap.kind,
      basis: cap.basis,
      bp: cap.bp,
      amountCents,
      basisCents,
      limitCents,
      actualBp,
      ok,
      message,
    };
  });
}

/** The co-financing share of a total, and whether it reaches the call's minimum. */
export function checkCoFinancing(
  rules: CallRules,
  totalCents: number,
  coFinancingCents: number,
): { ok: boolean; actualBp: number; message: string } {
  // compared in cents: 4.999,99 of 100.000,00 is short of 5% even though it rounds to it
  const ok = rules.coFinancingMinBp === 0 || coFinancingCents * 10_000 >= totalCents * rules.coFinancingMinBp;
  const rounded = shareBp(coFinancingCents, totalCents);
  const actualBp = !ok && rounded >= rules.coFinancingMinBp ? rules.coFinancingMinBp - 1 : rounded;
  return {
    ok,
    actualBp,
    message: `Cofinanziamento: ${formatBp(actualBp)} del costo totale, minimo ${formatBp(rules.coFinancingMinBp)}`,
  };
}
