/**
 * Pure rules of the projects' design: what may change in which state, the checks of a budget
 * version (totals, caps, co-financing; the same functions the browser runs) and the differences
 * between two versions, matched by their stable line keys.
 */
import type { CallRules } from '../shared/call-rules.js';
import { checkCaps, checkCoFinancing, totalsOf, type CapCheck } from '../shared/caps.js';

/** The project's structure (logical framework, activities, indicators, partners, dates) changes only in a draft. */
export const structureEditable = (status: string): boolean => status === 'BOZZA';

/** Progress and actual dates of an activity are recorded while the project lives. */
export const progressEditable = (status: string): boolean => ['BOZZA', 'APPROVATO', 'IN_CORSO'].includes(status);

/** Descriptive fields (summary, acronym, agreement, a CUP assigned later) while the project is not closed. */
export const descriptionEditable = (status: string): boolean => ['BOZZA', 'APPROVATO', 'IN_CORSO'].includes(status);

export interface LineAmount {
  lineKey: string;
  categoryCode: string;
  amountCents: number;
}

export interface BudgetEvaluation {
  totals: ReturnType<typeof totalsOf>;
  caps: CapCheck[];
  coFinancing: ReturnType<typeof checkCoFinancing>;
  ok: boolean;
}

/** The totals and every check of a budget's lines (flat rates must be exact in a budget). */
export function evaluateBudget(
  rules: CallRules,
  lines: readonly { categoryCode: string; amountCents: number }[],
  coFinancingCents: number,
): BudgetEvaluation {
  const amounts = lines.map((l) => ({ categoryCode: l.categoryCode, cents: l.amountCents }));
  const totals = totalsOf(rules, amounts);
  const caps = checkCaps(rules, amounts, { exactFlat: true });
  const coFinancing = checkCoFinancing(rules, totals.totalCents, coFinancingCents);
  return { totals, caps, coFinancing, ok: caps.every((c) => c.ok) && coFinancing.ok };
}

export type LineChange = 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';

export interface DiffLine<L> {
  lineKey: string;
  change: LineChange;
  before: L | null;
  after: L | null;
}

/**
 * The lines of two versions matched by line key: added (only after), removed (only before),
 * changed (category, partner, description or amount differ) or unchanged, in the order of the
 * newer version followed by the removed lines.
 */
export function diffLines<L extends LineAmount & { partnerOrgId: string | null; description: string }>(
  before: readonly L[],
  after: readonly L[],
): DiffLine<L>[] {
  const old = new Map(before.map((l) => [l.lineKey, l]));
  const out: DiffLine<L>[] = after.map((a) => {
    const b = old.get(a.lineKey) ?? null;
    const change: LineChange = !b
      ? 'ADDED'
      : b.amountCents !== a.amountCents ||
          b.categoryCode !== a.categoryCode ||
          b.partnerOrgId !== a.partnerOrgId ||
          b.description !== a.description
        ? 'CHANGED'
        : 'UNCHANGED';
    return { lineKey: a.lineKey, change, before: b, after: a };
  });
  const kept = new Set(after.map((a) => a.lineKey));
  for (const b of before)
    if (!kept.has(b.lineKey)) out.push({ lineKey: b.lineKey, change: 'REMOVED', before: b, after: null });
  return out;
}

/** Category totals before and after, for every category either version uses (sub-items add to their parent). */
export function diffCategories(
  rules: CallRules,
  before: readonly LineAmount[],
  after: readonly LineAmount[],
): { code: string; labelIt: string; beforeCents: number; afterCents: number }[] {
  const b = totalsOf(
    rules,
    before.map((l) => ({ categoryCode: l.categoryCode, cents: l.amountCents })),
  ).byCategory;
  const a = totalsOf(
    rules,
    after.map((l) => ({ categoryCode: l.categoryCode, cents: l.amountCents })),
  ).byCategory;
  return rules.categories
    .filter((c) => b[c.code] !== undefined || a[c.code] !== undefined)
    .map((c) => ({ code: c.code, labelIt: c.labelIt, beforeCents: b[c.code] ?? 0, afterCents: a[c.code] ?? 0 }));
}
