/**
 * The rules of a call for proposals (avviso), kept as data in `project_call_versions.rules` and
 * validated by this schema (issue 12 item 1; decision 0049): the eligibility period, the cost
 * categories (macrovoci with letters and sub-items), the caps, co-financing, the document types
 * and the payment means accepted. Configured by ANCI/Cittalia or MLPS, versioned, never code.
 */
import { z } from 'zod';

const day = z.iso.date().describe('A date, YYYY-MM-DD');
const code = z.string().regex(/^[A-Z][A-Z0-9.]{0,9}$/, 'A category code such as A, G1 or B.2');
const word = z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/, 'An upper-case word such as FATTURA');
const label = z.string().trim().min(1).max(200);
const bp = z.number().int().min(0).max(10_000).describe('Basis points: 700 is 7%');

export const costCategorySchema = z
  .object({
    code,
    labelIt: label,
    labelEn: label.optional(),
    // the macrovoce this sub-item belongs to (G for G1): for display and subtotals only
    parent: code.optional(),
    // a direct cost counts in the basis of the caps "of direct costs"
    direct: z.boolean(),
    // costs at a flat rate need no giustificativi (indirect costs, forfait)
    flatRate: z.boolean().default(false),
    // a traced petty-cash line: the only one where a cash payment is accepted
    pettyCash: z.boolean().default(false),
  })
  .meta({ id: 'ProjectCostCategory' });

export const capRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
    labelIt: label,
    labelEn: label.optional(),
    // the categories whose total the cap limits
    categories: z.array(code).min(1).max(50),
    // the basis: direct costs or the project's total
    basis: z.enum(['DIRETTI', 'TOTALE']),
    // at most, or exactly (a flat rate), this share of the basis
    kind: z.enum(['MASSIMO', 'FORFAIT']),
    bp,
  })
  .meta({ id: 'ProjectCapRule' });

export const callRulesSchema = z
  .object({
    eligibility: z.object({ from: day, to: day }),
    categories: z.array(costCategorySchema).min(1).max(100),
    caps: z.array(capRuleSchema).max(50),
    // the share of the total the beneficiary must bring at least (0 when none)
    coFinancingMinBp: bp.default(0),
    documentTypes: z.array(word).min(1).max(30),
    paymentMeans: z.array(word).min(1).max(20),
  })
  .superRefine((r, ctx) => {
    if (r.eligibility.to < r.eligibility.from) {
      ctx.addIssue({ code: 'custom', path: ['eligibility', 'to'], message: 'The period ends before it starts' });
    }
    const codes = new Set<string>();
    r.categories.forEach((c, i) => {
      if (codes.has(c.code))
        ctx.addIssue({ code: 'custom', path: ['categories', i, 'code'], message: 'Code used twice' });
      codes.add(c.code);
    });
    r.categories.forEach((c, i) => {
      if (c.parent && !codes.has(c.parent)) {
        ctx.addIssue({ code: 'custom', path: ['categories', i, 'parent'], message: 'Unknown parent category' });
      }
    });
    const capIds = new Set<string>();
    r.caps.forEach((cap, i) => {
      if (capIds.has(cap.id)) ctx.addIssue({ code: 'custom', path: ['caps', i, 'id'], message: 'Id used twice' });
      capIds.add(cap.id);
      cap.categories.forEach((c, j) => {
        if (!codes.has(c))
          ctx.addIssue({ code: 'custom', path: ['caps', i, 'categories', j], message: 'Unknown category' });
      });
    });
  })
  .meta({ id: 'ProjectCallRules' });

export type CallRules = z.infer<typeof callRulesSchema>;
export type CostCategory = z.infer<typeof costCategorySchema>;
export type CapRule = z.infer<typeof capRuleSchema>;

/** The categories a cap counts: its own codes and their sub-items (G covers G1 and G2). */
export function capCovers(rules: CallRules, cap: CapRule, categoryCode: string): boolean {
  if (cap.categories.includes(categoryCode)) return true;
  const cat = rules.categories.find((c) => c.code === categoryCode);
  return !!cat?.parent && cap.categories.includes(cat.parent);
}
