/**
 * State machines of the 18-ter pilot (domain.md §7.3) as plain tables: for each status, the
 * statuses it may move to. Pure data plus one generic check, so the service, the API schemas and
 * the web client (which shows only the allowed buttons) read the same source.
 */
import {
  exitReasons,
  type CaseStatus,
  type ExitReason,
  type MeasureStatus,
  type PaiStatus,
  type ReferralOutcome,
} from './vocab.js';

/**
 * Case (presa in carico): APERTO → AMMESSO_MISURE (art. 6) → PAI_ATTIVO ⇄ SOSPESO → CHIUSO. A case
 * can close from any open status (the exit reason says why); a suspended case resumes only with
 * its PAI active, since suspension follows admission and the PAI is the programme being resumed.
 */
export const caseMachine: Record<CaseStatus, readonly CaseStatus[]> = {
  aperto: ['ammesso_misure', 'chiuso'],
  ammesso_misure: ['pai_attivo', 'sospeso', 'chiuso'],
  pai_attivo: ['sospeso', 'chiuso'],
  sospeso: ['pai_attivo', 'chiuso'],
  chiuso: [],
};

/**
 * PAI (Programma di Assistenza Individuale): drafted, shared with (signed by) the beneficiary,
 * approved by the Comune, then in progress ⇄ under review until closed. A shared draft can go
 * back to 'bozza' when the beneficiary asks for changes before the Comune approves it.
 */
export const paiMachine: Record<PaiStatus, readonly PaiStatus[]> = {
  bozza: ['condiviso'],
  condiviso: ['approvato', 'bozza'],
  approvato: ['in_corso'],
  in_corso: ['in_revisione', 'chiuso'],
  in_revisione: ['in_corso', 'chiuso'],
  chiuso: [],
};

/** A measure of the PAI: planned, started, then completed or interrupted; a planned one can be cancelled. */
export const measureMachine: Record<MeasureStatus, readonly MeasureStatus[]> = {
  pianificata: ['avviata', 'annullata'],
  avviata: ['completata', 'interrotta'],
  completata: [],
  interrotta: [],
  annullata: [],
};

/**
 * Referral screening (identificazione preliminare, Linee Guida 2021). The vocabulary has no
 * 'non_procedibile': a formal identification that does not lead to a permit ends as
 * 'non_pertinente'.
 */
export const referralMachine: Record<ReferralOutcome, readonly ReferralOutcome[]> = {
  in_screening: ['non_pertinente', 'inviata_altro_servizio', 'in_attesa_identificazione', 'permesso_avviato'],
  in_attesa_identificazione: ['permesso_avviato', 'non_pertinente'],
  non_pertinente: [],
  inviata_altro_servizio: [],
  permesso_avviato: [],
};

/** True when the table allows moving from `from` to `to`; staying in the same status is not a transition. */
export function canTransition<S extends string>(machine: Record<S, readonly S[]>, from: S, to: S): boolean {
  return (machine[from] ?? []).includes(to);
}

const admittedStatuses: readonly CaseStatus[] = ['ammesso_misure', 'pai_attivo', 'sospeso'];

/**
 * The exit reasons a case in `status` may close with. 'revoca_art7' revokes the admission to the
 * assistance measures (art. 7 DL 145/2024), so it exists only once the case was admitted; an open,
 * not yet admitted case closes for any other reason. A closed case cannot close again.
 */
export function exitReasonsAllowedFrom(status: CaseStatus): ExitReason[] {
  if (status === 'chiuso') return [];
  return admittedStatuses.includes(status) ? [...exitReasons] : exitReasons.filter((r) => r !== 'revoca_art7');
}
