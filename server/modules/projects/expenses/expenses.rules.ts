/**
 * Pure rules of the projects' expenses (issue 12 item 3; decision 0050): what an expense must be to
 * be recorded (line and activity of the project, document type and payment means of the call,
 * issuer's tax id, charged ≤ eligible gross, no cash outside a petty-cash line), the warnings it is
 * recorded with (period, payment proof, line budget, caps, possible double funding) and the moves
 * between its states. Integer cents only.
 */
import type { CallRules, CostCategory } from '../shared/call-rules.js';
import { capCovers } from '../shared/call-rules.js';
import { totalsOf } from '../shared/caps.js';
import { capOf, formatEuro } from '../shared/money.js';
import { checkIssuerTaxId, documentNumberKey, issuerKey } from '../shared/tax-ids.js';

export const expenseStatuses = ['BOZZA', 'CARICATA', 'VALIDATA', 'IN_DOMANDA', 'VERIFICATA'] as const;
export type ExpenseStatus = (typeof expenseStatuses)[number];
/** Once in a claim or verified, an expense belongs to the claim: it no longer changes here. */
export const lockedStatuses: readonly ExpenseStatus[] = ['IN_DOMANDA', 'VERIFICATA'];
/** The states this part sets; IN_DOMANDA and VERIFICATA are set by the claims. */
export const settableStatuses = ['BOZZA', 'CARICATA', 'VALIDATA'] as const;
export type SettableStatus = (typeof settableStatuses)[number];

/** Projects whose expenses may be recorded. */
export const projectStatusesOpen = ['APPROVATO', 'IN_CORSO'] as const;

export const CASH = 'CONTANTI';

export const warningCodes = [
  'outside_period',
  'payment_missing',
  'payment_short',
  'line_budget_exceeded',
  'cap_exceeded',
  'double_funding',
] as const;
export type WarningCode = (typeof warningCodes)[number];

/** The Italian sentence of each warning (double funding names the other projects when known). */
export const warningMessages: Record<WarningCode, string> = {
  outside_period: 'La data del documento è fuori dal periodo di ammissibilità.',
  payment_missing: 'Manca la prova del pagamento (quietanza: data, mezzo e importo).',
  payment_short: "L'importo pagato è inferiore all'importo imputato.",
  line_budget_exceeded: 'Le spese imputate alla voce superano il suo importo nel budget in vigore.',
  cap_exceeded: 'Le spese imputate superano un massimale del bando.',
  double_funding:
    'Possibile doppio finanziamento: lo stesso documento (fornitore, numero e data) è imputato anche altrove.',
};

/** A budget line of the version in force, with its category. */
export interface LineInForce {
  lineKey: string;
  categoryCode: string;
  description: string;
  amountCents: number;
}

/** What the user sends for an expense (create, edit, or one row of an import), already typed. */
export interface ExpenseInput {
  lineKey: string;
  activityId: string | null;
  docType: string;
  issuerName: string;
  issuerTaxId: string | null;
  docNumber: string;
  docDate: string;
  description: string | null;
  netCents: number;
  vatCents: number;
  vatRecoverable: boolean;
  chargedCents: number;
  paymentDate: string | null;
  paymentMeans: string | null;
  paymentRef: string | null;
  paymentCents: number | null;
}

/** The checked expense: normalised tax id and the keys of the double-funding check. */
export interface CheckedExpense extends ExpenseInput {
  issuerKey: string;
  numberKey: string;
  category: CostCategory;
}

export interface FieldProblem {
  path: string;
  message: string;
  code: string;
}

/** The amount that may be charged: net + VAT, or the net alone when the Comune recovers the VAT. */
export const eligibleGrossCents = (e: Pick<ExpenseInput, 'netCents' | 'vatCents' | 'vatRecoverable'>): number =>
  e.vatRecoverable ? e.netCents : e.netCents + e.vatCents;

/** The eligibility period of a project's expenses: the call's, within the project's own dates. */
export function eligibilityPeriod(rules: CallRules, project: { start_date: string; end_date: string }) {
  return {
    from: rules.eligibility.from > project.start_date ? rules.eligibility.from : project.start_date,
    to: rules.eligibility.to < project.end_date ? rules.eligibility.to : project.end_date,
  };
}

export type ExpenseCheck =
  | { ok: true; expense: CheckedExpense }
  | { ok: false; cash: boolean; problems: FieldProblem[] };

/**
 * Whether an expense may be recorded against the project: every problem, each on its field, in
 * Italian. Cash is refused apart (`cash`), so that the API answers it with its own code.
 */
export function checkExpense(
  rules: CallRules,
  lines: readonly LineInForce[],
  activityIds: ReadonlySet<string>,
  input: ExpenseInput,
): ExpenseCheck {
  const problems: FieldProblem[] = [];
  const line = lines.find((l) => l.lineKey === input.lineKey);
  const category = line ? rules.categories.find((c) => c.code === line.categoryCode) : undefined;
  if (!line || !category)
    problems.push({ path: 'lineKey', code: 'unknown_line', message: 'La voce non è una voce del budget in vigore.' });
  else if (category.flatRate)
    problems.push({
      path: 'lineKey',
      code: 'flat_rate',
      message: 'La voce è a costo forfettario: non richiede giustificativi.',
    });
  if (input.activityId !== null && !activityIds.has(input.activityId))
    problems.push({
      path: 'activityId',
      code: 'unknown_activity',
      message: "L'attività non è un'attività del progetto.",
    });
  if (!rules.documentTypes.includes(input.docType))
    problems.push({ path: 'docType', code: 'doc_type', message: 'Tipo di documento non previsto dal bando.' });
  let taxId: string | null = null;
  if (input.issuerTaxId !== null) {
    const check = checkIssuerTaxId(input.issuerTaxId);
    if (check.valid) taxId = check.normalised;
    else
      problems.push({
        path: 'issuerTaxId',
        code: check.reason,
        message:
          check.reason === 'partita_iva'
            ? 'La partita IVA non è valida (cifra di controllo errata).'
            : check.reason === 'codice_fiscale'
              ? 'Il codice fiscale non è valido.'
              : 'Indicare una partita IVA (11 cifre) o un codice fiscale (16 caratteri).',
      });
  }
  const gross = eligibleGrossCents(input);
  if (input.chargedCents > gross)
    problems.push({
      path: 'chargedCents',
      code: 'over_gross',
      message: `L'importo imputato supera l'importo ammissibile del documento (${formatEuro(gross)}${
        input.vatRecoverable ? ', IVA recuperabile esclusa' : ', imponibile più IVA'
      }).`,
    });
  if (input.chargedCents <= 0)
    problems.push({ path: 'chargedCents', code: 'zero', message: "L'importo imputato deve essere maggiore di zero." });
  if (input.paymentMeans !== null && !rules.paymentMeans.includes(input.paymentMeans))
    problems.push({
      path: 'paymentMeans',
      code: 'payment_means',
      message: 'Mezzo di pagamento non previsto dal bando.',
    });
  if (input.paymentDate !== null && input.paymentDate < input.docDate)
    problems.push({
      path: 'paymentDate',
      code: 'before_document',
      message: 'La data del pagamento precede la data del documento.',
    });
  if (problems.length) return { ok: false, cash: false, problems };
  if (input.paymentMeans === CASH && !category!.pettyCash)
    return {
      ok: false,
      cash: true,
      problems: [
        {
          path: 'paymentMeans',
          code: 'cash',
          message: 'Il pagamento in contanti è ammesso solo sulla voce di piccola cassa tracciata.',
        },
      ],
    };
  return {
    ok: true,
    expense: {
      ...input,
      issuerTaxId: taxId,
      issuerKey: issuerKey(input.issuerName, taxId),
      numberKey: documentNumberKey(input.docNumber),
      category: category!,
    },
  };
}

/** An expense already charged to the project, for the line and cap totals. */
export interface ChargedAmount {
  lineKey: string;
  chargedCents: number;
}

/** The warnings of an expense, given what else is charged to the project and the same documents found elsewhere. */
export function warningsOf(
  rules: CallRules,
  project: { start_date: string; end_date: string },
  lines: readonly LineInForce[],
  expense: CheckedExpense,
  others: readonly ChargedAmount[],
  sameDocumentElsewhere: boolean,
): WarningCode[] {
  const w: WarningCode[] = [];
  const period = eligibilityPeriod(rules, project);
  if (expense.docDate < period.from || expense.docDate > period.to) w.push('outside_period');
  if (expense.paymentDate === null || expense.paymentMeans === null || expense.paymentCents === null)
    w.push('payment_missing');
  else if (expense.paymentCents < expense.chargedCents) w.push('payment_short');
  const all = [...others, { lineKey: expense.lineKey, chargedCents: expense.chargedCents }];
  const line = lines.find((l) => l.lineKey === expense.lineKey)!;
  const onLine = all.filter((a) => a.lineKey === expense.lineKey).reduce((s, a) => s + a.chargedCents, 0);
  if (onLine > line.amountCents) w.push('line_budget_exceeded');
  if (capsExceeded(rules, lines, all, expense.category.code).length) w.push('cap_exceeded');
  if (sameDocumentElsewhere) w.push('double_funding');
  return w;
}

/**
 * The caps of the call (MASSIMO) that cover `categoryCode` and that the charged amounts exceed.
 * The basis is the budget in force (its direct costs or its total), not the amounts charged so
 * far: early in a project few direct costs are charged, and a revisore's first invoice would
 * otherwise read as over a cap that the budget respects (decision 0050). The claim and the
 * revisore check the caps again over the amounts verified.
 */
export function capsExceeded(
  rules: CallRules,
  lines: readonly LineInForce[],
  charged: readonly ChargedAmount[],
  categoryCode: string,
): Array<{ capId: string; labelIt: string; chargedCents: number; limitCents: number }> {
  const categoryOfLine = new Map(lines.map((l) => [l.lineKey, l.categoryCode]));
  const budget = totalsOf(
    rules,
    lines.map((l) => ({ categoryCode: l.categoryCode, cents: l.amountCents })),
  );
  return rules.caps
    .filter((cap) => cap.kind === 'MASSIMO' && capCovers(rules, cap, categoryCode))
    .map((cap) => {
      const chargedCents = charged
        .filter((c) => {
          const code = categoryOfLine.get(c.lineKey);
          return code !== undefined && capCovers(rules, cap, code);
        })
        .reduce((s, c) => s + c.chargedCents, 0);
      const limitCents = capOf(cap.basis === 'DIRETTI' ? budget.directCents : budget.totalCents, cap.bp);
      return { capId: cap.id, labelIt: cap.labelIt, chargedCents, limitCents };
    })
    .filter((c) => c.chargedCents > c.limitCents);
}

/** What an expense lacks for a state: payment proof and at least one document for CARICATA and VALIDATA. */
export function missingFor(
  to: SettableStatus,
  e: { payment_date: string | null; payment_means: string | null; payment_cents: number | null },
  documents: number,
): Array<'payment_proof' | 'document'> {
  if (to === 'BOZZA') return [];
  const missing: Array<'payment_proof' | 'document'> = [];
  if (e.payment_date === null || e.payment_means === null || e.payment_cents === null) missing.push('payment_proof');
  if (documents === 0) missing.push('document');
  return missing;
}

/** The moves between the states this part sets: forwards one step, backwards to any earlier one. */
export function canMove(from: ExpenseStatus, to: SettableStatus): boolean {
  if (lockedStatuses.includes(from) || from === to) return false;
  if (from === 'BOZZA') return to === 'CARICATA';
  if (from === 'CARICATA') return to === 'VALIDATA' || to === 'BOZZA';
  return to === 'CARICATA' || to === 'BOZZA';
}

export const missingMessages: Record<'payment_proof' | 'document', string> = {
  payment_proof: 'la prova del pagamento (data, mezzo e importo)',
  document: 'almeno un documento allegato',
};
