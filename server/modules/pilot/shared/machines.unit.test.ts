import { describe, expect, it } from 'vitest';
import {
  canTransition,
  caseMachine,
  exitReasonsAllowedFrom,
  measureMachine,
  paiMachine,
  referralMachine,
} from './machines.js';
import { caseStatuses, exitReasons, measureStatuses, paiStatuses, referralOutcomes } from './vocab.js';

/** Every (from, to) pair of the vocabulary: canTransition must agree with the table, no more, no less. */
function agreesWithTable<S extends string>(machine: Record<S, readonly S[]>, states: readonly S[]): void {
  expect(Object.keys(machine).sort()).toEqual([...states].sort());
  for (const from of states) {
    for (const to of states) {
      expect(canTransition(machine, from, to), `${from} → ${to}`).toBe(machine[from].includes(to));
    }
    for (const to of machine[from]) expect(states, `${from} → ${to}`).toContain(to);
  }
}

describe('case state machine', () => {
  it('allows exactly the transitions of its table', () => agreesWithTable(caseMachine, caseStatuses));

  it('lets an open case be admitted or closed, and nothing else', () => {
    expect(canTransition(caseMachine, 'aperto', 'ammesso_misure')).toBe(true);
    expect(canTransition(caseMachine, 'aperto', 'chiuso')).toBe(true);
    expect(canTransition(caseMachine, 'aperto', 'pai_attivo')).toBe(false);
    expect(canTransition(caseMachine, 'aperto', 'sospeso')).toBe(false);
  });

  it('resumes a suspended case only with its PAI active', () => {
    expect(canTransition(caseMachine, 'sospeso', 'pai_attivo')).toBe(true);
    expect(canTransition(caseMachine, 'sospeso', 'ammesso_misure')).toBe(false);
  });

  it('never reopens a closed case', () => {
    for (const to of caseStatuses) expect(canTransition(caseMachine, 'chiuso', to), to).toBe(false);
  });
});

describe('PAI state machine', () => {
  it('allows exactly the transitions of its table', () => agreesWithTable(paiMachine, paiStatuses));

  it('needs the beneficiary to share the plan before the Comune approves it', () => {
    expect(canTransition(paiMachine, 'bozza', 'approvato')).toBe(false);
    expect(canTransition(paiMachine, 'condiviso', 'approvato')).toBe(true);
    expect(canTransition(paiMachine, 'condiviso', 'bozza')).toBe(true);
  });

  it('moves back and forth between in progress and under review, and closes from either', () => {
    expect(canTransition(paiMachine, 'in_corso', 'in_revisione')).toBe(true);
    expect(canTransition(paiMachine, 'in_revisione', 'in_corso')).toBe(true);
    expect(canTransition(paiMachine, 'in_revisione', 'chiuso')).toBe(true);
    expect(canTransition(paiMachine, 'approvato', 'chiuso')).toBe(false);
  });
});

describe('measure state machine', () => {
  it('allows exactly the transitions of its table', () => agreesWithTable(measureMachine, measureStatuses));

  it('cancels only a planned measure and interrupts only a started one', () => {
    expect(canTransition(measureMachine, 'pianificata', 'annullata')).toBe(true);
    expect(canTransition(measureMachine, 'avviata', 'annullata')).toBe(false);
    expect(canTransition(measureMachine, 'pianificata', 'interrotta')).toBe(false);
    expect(canTransition(measureMachine, 'completata', 'avviata')).toBe(false);
  });
});

describe('referral state machine', () => {
  it('allows exactly the transitions of its table', () => agreesWithTable(referralMachine, referralOutcomes));

  it('starts a permit after screening or after formal identification, and ends there', () => {
    expect(canTransition(referralMachine, 'in_screening', 'permesso_avviato')).toBe(true);
    expect(canTransition(referralMachine, 'in_attesa_identificazione', 'permesso_avviato')).toBe(true);
    expect(canTransition(referralMachine, 'in_attesa_identificazione', 'inviata_altro_servizio')).toBe(false);
    expect(canTransition(referralMachine, 'permesso_avviato', 'in_screening')).toBe(false);
  });
});

describe('exit reasons', () => {
  it('allows a revocation under art. 7 only once the case was admitted to the measures', () => {
    for (const status of ['ammesso_misure', 'pai_attivo', 'sospeso'] as const) {
      expect(exitReasonsAllowedFrom(status), status).toEqual([...exitReasons]);
    }
    expect(exitReasonsAllowedFrom('aperto')).toEqual(exitReasons.filter((r) => r !== 'revoca_art7'));
  });

  it('offers no exit reason to a case already closed', () => {
    expect(exitReasonsAllowedFrom('chiuso')).toEqual([]);
  });
});
