import { describe, expect, it } from 'vitest';
import { famiLikeRules } from '../demo/call-rules.js';
import {
  canMove,
  capsExceeded,
  checkExpense,
  eligibilityPeriod,
  eligibleGrossCents,
  missingFor,
  warningsOf,
  type ExpenseInput,
  type LineInForce,
} from './expenses.rules.js';

const lines: LineInForce[] = [
  { lineKey: 'a2', categoryCode: 'A2', description: 'Operatori', amountCents: 93_000_00 },
  { lineKey: 'i1', categoryCode: 'I1', description: 'Piccola cassa', amountCents: 1_000_00 },
  { lineKey: 'g1', categoryCode: 'G1', description: 'Revisore', amountCents: 7_000_00 },
  { lineKey: 'ind', categoryCode: 'IND', description: 'Indiretti', amountCents: 7_000_00 },
];
const input = (over: Partial<ExpenseInput> = {}): ExpenseInput => ({
  lineKey: 'a2',
  activityId: null,
  docType: 'FATTURA',
  issuerName: 'Cooperativa',
  issuerTaxId: null,
  docNumber: 'FT 0012/2025',
  docDate: '2025-05-05',
  description: null,
  netCents: 1000_00,
  vatCents: 220_00,
  vatRecoverable: false,
  chargedCents: 1220_00,
  paymentDate: '2025-06-01',
  paymentMeans: 'BONIFICO',
  paymentRef: null,
  paymentCents: 1220_00,
  ...over,
});
const project = { start_date: '2025-02-01', end_date: '2027-12-31' };

describe('expense checks', () => {
  it('the gross that may be charged: with VAT, or net alone when VAT is recoverable', () => {
    expect(eligibleGrossCents({ netCents: 100, vatCents: 22, vatRecoverable: false })).toBe(122);
    expect(eligibleGrossCents({ netCents: 100, vatCents: 22, vatRecoverable: true })).toBe(100);
    expect(checkExpense(famiLikeRules, lines, new Set(), input()).ok).toBe(true);
    expect(checkExpense(famiLikeRules, lines, new Set(), input({ chargedCents: 1220_01 })).ok).toBe(false);
  });

  it('keys the document for the double-funding check', () => {
    const r = checkExpense(famiLikeRules, lines, new Set(), input({ issuerTaxId: 'IT 01234567897' }));
    if (!r.ok) throw new Error('expected ok');
    expect(r.expense.numberKey).toBe('12/2025');
    expect(r.expense.issuerKey).toBe('T:01234567897');
  });

  it('cash only on the petty-cash line, apart from the other problems', () => {
    const cash = checkExpense(famiLikeRules, lines, new Set(), input({ paymentMeans: 'CONTANTI' }));
    expect(cash).toMatchObject({ ok: false, cash: true });
    expect(checkExpense(famiLikeRules, lines, new Set(), input({ lineKey: 'i1', paymentMeans: 'CONTANTI' })).ok).toBe(
      true,
    );
  });

  it('the eligibility period is the call’s within the project’s dates', () => {
    expect(eligibilityPeriod(famiLikeRules, project)).toEqual({ from: '2025-02-01', to: '2027-06-30' });
  });
});

describe('warnings', () => {
  const checked = (over: Partial<ExpenseInput> = {}) => {
    const r = checkExpense(famiLikeRules, lines, new Set(), input(over));
    if (!r.ok) throw new Error('expected ok');
    return r.expense;
  };
  it('period boundaries, payment, line budget, double funding', () => {
    expect(warningsOf(famiLikeRules, project, lines, checked({ docDate: '2025-01-31' }), [], false)).toEqual([
      'outside_period',
    ]);
    expect(
      warningsOf(
        famiLikeRules,
        project,
        lines,
        checked({ docDate: '2027-06-30', paymentDate: '2027-07-01' }),
        [],
        false,
      ),
    ).toEqual([]);
    expect(warningsOf(famiLikeRules, project, lines, checked({ paymentCents: null }), [], false)).toEqual([
      'payment_missing',
    ]);
    expect(
      warningsOf(famiLikeRules, project, lines, checked(), [{ lineKey: 'a2', chargedCents: 91_780_00 }], false),
    ).toEqual([]);
    expect(
      warningsOf(famiLikeRules, project, lines, checked(), [{ lineKey: 'a2', chargedCents: 91_780_01 }], true),
    ).toEqual(['line_budget_exceeded', 'double_funding']);
  });

  it('caps over the budgeted basis: G1 ≤ 7% of the budget’s direct costs (94.000,00 €)', () => {
    // direct costs in the budget: A2 + I1 = 94.000,00 €; 7% = 6.580,00 €
    expect(capsExceeded(famiLikeRules, lines, [{ lineKey: 'g1', chargedCents: 6_580_00 }], 'G1')).toEqual([]);
    expect(capsExceeded(famiLikeRules, lines, [{ lineKey: 'g1', chargedCents: 6_580_01 }], 'G1')).toEqual([
      { capId: 'g1', labelIt: 'G1 Revisore', chargedCents: 6_580_01, limitCents: 6_580_00 },
    ]);
    // a cap that does not cover the expense's category is not its warning
    expect(capsExceeded(famiLikeRules, lines, [{ lineKey: 'g1', chargedCents: 9_000_00 }], 'A2')).toEqual([]);
  });
});

describe('states', () => {
  it('forwards one step, backwards to any earlier one, never from a claim', () => {
    expect(canMove('BOZZA', 'CARICATA')).toBe(true);
    expect(canMove('BOZZA', 'VALIDATA')).toBe(false);
    expect(canMove('VALIDATA', 'BOZZA')).toBe(true);
    expect(canMove('IN_DOMANDA', 'BOZZA')).toBe(false);
    expect(missingFor('CARICATA', { payment_date: null, payment_means: 'BONIFICO', payment_cents: 1 }, 0)).toEqual([
      'payment_proof',
      'document',
    ]);
    expect(missingFor('BOZZA', { payment_date: null, payment_means: null, payment_cents: null }, 0)).toEqual([]);
  });
});
