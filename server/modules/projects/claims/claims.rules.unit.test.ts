/** The claims' pure rules: who takes which step, what a verification must say, the totals in cents. */
import { describe, expect, it } from 'vitest';
import { famiLikeRules } from '../demo/call-rules.js';
import {
  allowedActions,
  checkVerification,
  claimStatuses,
  claimTotals,
  planTransition,
  transitions,
  verificationResults,
  type ClaimRole,
} from './claims.rules.js';

describe('planTransition', () => {
  const roles: (ClaimRole | null)[] = ['comune', 'revisore', 'mlps', null];
  it('allows exactly the table, for its role, from its state', () => {
    for (const from of claimStatuses)
      for (const to of claimStatuses)
        for (const role of roles) {
          const rule = transitions.find((t) => t.from === from && t.to === to);
          const plan = planTransition(role, from, to, true);
          const expected = !!rule && rule.by === role && rule.by !== 'revisore';
          expect(plan.ok, `${role} ${from}→${to}`).toBe(expected);
        }
  });
  it('MLPS approves only once the verbale is issued; the revisore asks only before it', () => {
    expect(planTransition('mlps', 'IN_VERIFICA', 'APPROVATA', false)).toEqual({ ok: false, reason: 'verbale' });
    expect(planTransition('revisore', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', false).ok).toBe(true);
    expect(planTransition('revisore', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', true).ok).toBe(false);
    expect(planTransition('comune', 'INVIATA', 'IN_VERIFICA', false)).toEqual({ ok: false, reason: 'role' });
  });
  it('lists the actions of each role', () => {
    const c = { verbaleIssued: false, allVerified: true, hasNewVersion: false };
    expect(allowedActions('comune', { ...c, status: 'BOZZA' })).toEqual(['EXPENSES', 'SUBMIT']);
    expect(allowedActions('comune', { ...c, status: 'RICHIESTA_INTEGRAZIONI' })).toEqual([
      'CONTRODEDUZIONI',
      'NEW_VERSION',
    ]);
    expect(allowedActions('revisore', { ...c, status: 'IN_VERIFICA' })).toEqual([
      'RICHIESTA_INTEGRAZIONI',
      'VERIFY',
      'VERBALE',
    ]);
    expect(allowedActions('mlps', { ...c, status: 'IN_VERIFICA', verbaleIssued: true })).toEqual(['APPROVATA']);
    expect(allowedActions(null, { ...c, status: 'IN_VERIFICA' })).toEqual([]);
  });
});

describe('checkVerification', () => {
  it('applies the rules of each outcome', () => {
    expect(checkVerification({ outcome: 'AMMISSIBILE', reasons: [] }, 500)).toEqual({ ok: true, eligibleCents: 500 });
    expect(checkVerification({ outcome: 'AMMISSIBILE', eligibleCents: 400, reasons: [] }, 500).ok).toBe(false);
    expect(checkVerification({ outcome: 'NON_AMMISSIBILE', reasons: ['periodo'] }, 500)).toEqual({
      ok: true,
      eligibleCents: 0,
    });
    expect(checkVerification({ outcome: 'NON_AMMISSIBILE', reasons: [] }, 500).ok).toBe(false);
    expect(
      checkVerification({ outcome: 'PARZIALMENTE_AMMISSIBILE', eligibleCents: 1, reasons: ['congruita'] }, 500),
    ).toEqual({ ok: true, eligibleCents: 1 });
    for (const eligibleCents of [0, 500, 501, undefined])
      expect(
        checkVerification({ outcome: 'PARZIALMENTE_AMMISSIBILE', eligibleCents, reasons: ['congruita'] }, 500).ok,
      ).toBe(false);
  });
});

describe('totals', () => {
  it('claimTotals: per category against budget, with earlier claims, in cents', () => {
    const t = claimTotals(
      famiLikeRules,
      [
        { categoryCode: 'A2', amountCents: 10_000_00 },
        { categoryCode: 'F', amountCents: 5_000_00 },
      ],
      [{ categoryCode: 'A2', amountCents: 1_000_01 }],
      [{ categoryCode: 'A2', amountCents: 2_000_00 }],
    );
    expect(t).toMatchObject({
      budgetCents: 15_000_00,
      claimedCents: 1_000_01,
      previousCents: 2_000_00,
      cumulativeCents: 3_000_01,
    });
    expect(t.categories.map((c) => c.code)).toEqual(['A2', 'F']);
    expect(t.categories[0]).toMatchObject({ cumulativeCents: 3_000_01, progressBp: 3000 });
  });
  it('verificationResults: requested, eligible and not eligible per category; caps over the eligible', () => {
    const r = verificationResults(
      famiLikeRules,
      [
        { categoryCode: 'A2', amountCents: 100_000_00 },
        { categoryCode: 'G1', amountCents: 7_000_00 },
      ],
      [
        { categoryCode: 'A2', chargedCents: 10_000_00, eligibleCents: 9_000_00 },
        { categoryCode: 'G1', chargedCents: 1_000_00, eligibleCents: 1_000_00 },
      ],
    );
    expect(r).toMatchObject({ requestedCents: 11_000_00, eligibleCents: 10_000_00, notEligibleCents: 1_000_00 });
    expect(r.categories.find((c) => c.code === 'A2')).toMatchObject({ notEligibleCents: 1_000_00 });
    // G1 is 1.000 of 10.000 direct eligible costs: over the 7% cap
    const g1 = r.caps.find((c) => c.amountCents === 1_000_00);
    expect(g1?.ok).toBe(false);
  });
});
