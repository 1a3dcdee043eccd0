/** The PAI's rules: who takes which step, what a step checks and sets, when a measure moves. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import {
  allowedPaiTransitions,
  assertMeasureTransition,
  assertPaiEditable,
  assertPaiStep,
  planPaiTransition,
  totalsOf,
  type PaiTransitionFacts,
} from './pai.rules.js';
import type { Measure } from './pai.schema.js';

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return undefined;
};

const actorWith = (...permissions: string[]): Actor => ({
  userId: 'u1',
  email: 'u1@example.org',
  organisationId: 'o1',
  roles: [],
  permissions: new Set(permissions),
  scope: { level: 'comune', comuneIstat: '001272' } as Actor['scope'],
  sessionId: 's1',
  secondFactor: true,
  mustEnrolTotp: false,
});

const facts = (
  over: Partial<PaiTransitionFacts['pai']> = {},
  caseStatus: PaiTransitionFacts['kase']['status'] = 'ammesso_misure',
): PaiTransitionFacts => ({
  pai: { status: 'condiviso', version: 1, shared_on: '2026-03-02', approved_on: null, ...over },
  kase: { status: caseStatus, opened_on: '2026-02-01' },
  actorUserId: 'u1',
  today: '2026-03-10',
});

describe('allowedPaiTransitions', () => {
  it('leaves the decisions to whoever may decide', () => {
    expect(allowedPaiTransitions(actorWith('pilot.cases.write'), 'condiviso', 'ammesso_misure')).toEqual(['bozza']);
    expect(
      allowedPaiTransitions(actorWith('pilot.cases.write', 'pilot.cases.decide'), 'condiviso', 'ammesso_misure'),
    ).toEqual(['approvato', 'bozza']);
  });

  it('offers only closing once the case is closed', () => {
    expect(allowedPaiTransitions(actorWith('pilot.cases.write', 'pilot.cases.decide'), 'in_corso', 'chiuso')).toEqual([
      'chiuso',
    ]);
  });
});

describe('planPaiTransition', () => {
  it('approves: approval date and approver, review six months on, the case moves to pai_attivo', () => {
    const plan = planPaiTransition(facts(), { to: 'approvato', on: '2026-03-05' });
    expect(plan).toEqual({
      decision: true,
      freeze: false,
      caseMove: { from: 'ammesso_misure', to: 'pai_attivo' },
      patch: { approved_on: '2026-03-05', approved_by: 'u1', review_due_on: '2026-09-05' },
    });
  });

  it('starts a revision by freezing the current version and moving to the next', () => {
    const plan = planPaiTransition(facts({ status: 'in_corso', approved_on: '2026-03-05' }, 'pai_attivo'), {
      to: 'in_revisione',
      on: '2026-03-09',
    });
    expect(plan).toMatchObject({ decision: false, freeze: true, caseMove: null, patch: { version: 2 } });
  });

  it('shares with the language of the notice, and clears the sharing when going back to draft', () => {
    const shared = planPaiTransition(facts({ status: 'bozza', shared_on: null }), {
      to: 'condiviso',
      on: '2026-03-03',
      noticeLanguage: 'ar',
    });
    expect(shared.patch).toEqual({ shared_on: '2026-03-03', notice_language: 'ar' });
    expect(planPaiTransition(facts(), { to: 'bozza', on: '2026-03-03' }).patch).toEqual({ shared_on: null });
  });

  it('refuses a date in the future or before the last step, and the language outside sharing', () => {
    expect(codeOf(() => planPaiTransition(facts(), { to: 'approvato', on: '2026-03-11' }))).toBe('pilot.invalid');
    expect(codeOf(() => planPaiTransition(facts(), { to: 'approvato', on: '2026-03-01' }))).toBe('pilot.invalid');
    expect(
      codeOf(() =>
        planPaiTransition(facts({ status: 'bozza', shared_on: null }), { to: 'condiviso', on: '2026-03-03' }),
      ),
    ).toBe('pilot.invalid');
    expect(codeOf(() => planPaiTransition(facts(), { to: 'approvato', on: '2026-03-05', noticeLanguage: 'ar' }))).toBe(
      'pilot.invalid',
    );
  });
});

describe('steps and edits', () => {
  it('follows paiMachine', () => {
    expect(codeOf(() => assertPaiStep('bozza', 'approvato'))).toBe('pilot.invalid_transition');
    expect(codeOf(() => assertPaiStep('in_revisione', 'in_corso'))).toBeUndefined();
  });

  it('edits only a draft or a PAI under revision, at its current version', () => {
    expect(codeOf(() => assertPaiEditable('approvato', 1, 1))).toBe('pilot.pai_locked');
    expect(codeOf(() => assertPaiEditable('in_revisione', 2, 1))).toBe('pilot.stale');
    expect(codeOf(() => assertPaiEditable('bozza', 1, 1))).toBeUndefined();
  });

  it('starts a measure only on an approved PAI', () => {
    expect(codeOf(() => assertMeasureTransition('pianificata', 'avviata', 'condiviso'))).toBe(
      'pilot.invalid_transition',
    );
    expect(codeOf(() => assertMeasureTransition('pianificata', 'avviata', 'approvato'))).toBeUndefined();
    expect(codeOf(() => assertMeasureTransition('completata', 'avviata', 'in_corso'))).toBe('pilot.invalid_transition');
  });
});

describe('totalsOf', () => {
  it('sums the measures not cancelled, to the cent and the tenth of an hour', () => {
    const m = (
      status: Measure['status'],
      costPlanned: number,
      hoursPlanned: number,
      costActual: number | null = null,
    ): Measure => ({
      id: 'm',
      paiId: 'p',
      type: 'formazione',
      providerName: 'x',
      providerOrgId: null,
      startOn: '2026-03-01',
      endOn: null,
      actualStartOn: null,
      actualEndOn: null,
      budgetYear: 2026,
      hoursPlanned,
      hoursActual: null,
      costPlanned,
      costActual,
      status,
      outcome: null,
      allowedTransitions: [],
    });
    expect(totalsOf([m('pianificata', 0.1, 1.05), m('avviata', 0.2, 2, 5), m('annullata', 1000, 100)])).toEqual({
      plannedCost: 0.3,
      actualCost: 5,
      plannedHours: 3.1,
      actualHours: 0,
    });
  });
});
