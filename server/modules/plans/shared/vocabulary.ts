/**
 * The words of the local plans (PLM), shared by the server and the browser
 * (web/src/lib/plan-vocabulary.ts): the Piano triennale's four axes and ten priority actions
 * (domain.md §3), the plan's states and their order (domain.md §7.3), the actions' states, the
 * kinds of network and meeting. Pure: no imports from the platform.
 */

export const axes = ['PREVENZIONE', 'VIGILANZA_CONTRASTO', 'PROTEZIONE_ASSISTENZA', 'REINTEGRAZIONE'] as const;
export type Axis = (typeof axes)[number];

/** The ten priority actions of the Piano triennale 2020-2022, 1 to 10. */
export const priorityActions = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type PriorityAction = (typeof priorityActions)[number];

/**
 * The axis each priority action falls under in the Piano triennale (1–7 prevention, as stated; 8–10
 * inferred from the order: domain.md §3). A local action may be tagged with another axis (housing
 * for victims is priority action 5 on the protection axis): this is the suggested default.
 */
export const axisOfPriorityAction: Record<PriorityAction, Axis> = {
  1: 'PREVENZIONE',
  2: 'PREVENZIONE',
  3: 'PREVENZIONE',
  4: 'PREVENZIONE',
  5: 'PREVENZIONE',
  6: 'PREVENZIONE',
  7: 'PREVENZIONE',
  8: 'VIGILANZA_CONTRASTO',
  9: 'PROTEZIONE_ASSISTENZA',
  10: 'REINTEGRAZIONE',
};

/** The plan's states, in their order (domain.md §7.3). */
export const planStatuses = [
  'AVVIO',
  'ANALISI_CONTESTO',
  'TAVOLI_TEMATICI',
  'BOZZA',
  'ADOTTATO',
  'IN_ATTUAZIONE',
  'MONITORATO',
  'AGGIORNATO',
] as const;
export type PlanStatus = (typeof planStatuses)[number];

/**
 * The steps the plan may take from each state: forward one step, back one step before adoption
 * (a draft goes back to the working groups), and after a monitoring or an update the plan returns
 * to implementation. ADOTTATO needs the adoption act; AGGIORNATO takes a new version.
 */
export const planTransitions: Record<PlanStatus, readonly PlanStatus[]> = {
  AVVIO: ['ANALISI_CONTESTO'],
  ANALISI_CONTESTO: ['TAVOLI_TEMATICI', 'AVVIO'],
  TAVOLI_TEMATICI: ['BOZZA', 'ANALISI_CONTESTO'],
  BOZZA: ['ADOTTATO', 'TAVOLI_TEMATICI'],
  ADOTTATO: ['IN_ATTUAZIONE'],
  IN_ATTUAZIONE: ['MONITORATO'],
  MONITORATO: ['AGGIORNATO', 'IN_ATTUAZIONE'],
  AGGIORNATO: ['IN_ATTUAZIONE', 'MONITORATO'],
};

/** The states in which the plan has been adopted (it counts as "a plan" in the coverage). */
export const adoptedStatuses: readonly PlanStatus[] = ['ADOTTATO', 'IN_ATTUAZIONE', 'MONITORATO', 'AGGIORNATO'];

export const actionStatuses = ['PROGRAMMATA', 'AVVIATA', 'IN_CORSO', 'COMPLETATA', 'SOSPESA', 'ANNULLATA'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const fundingSources = [
  'FNPM',
  'FAMI_2021_27',
  'PN_INCLUSIONE',
  'FNPSA_SAI',
  'PNRR',
  'FONDI_REGIONALI',
  'FONDI_COMUNALI',
  'ALTRO',
] as const;
export type PlanFundingSource = (typeof fundingSources)[number];

export const partnerRoles = ['PARTNER', 'ATTUATORE', 'FINANZIATORE', 'ALTRO'] as const;
export const adoptionOrgans = ['GIUNTA', 'CONSIGLIO'] as const;

export const networkKinds = ['TAVOLO', 'GRUPPO_TEMATICO'] as const;
export const networkRoles = ['COORDINATORE', 'SEGRETERIA', 'MEMBRO', 'OSSERVATORE'] as const;
export const meetingKinds = ['TAVOLO', 'GRUPPO_TEMATICO', 'WORKSHOP_TERRITORIALE', 'FORMAZIONE'] as const;
export const followUpKinds = ['DECISIONE', 'AZIONE'] as const;
export const followUpStatuses = ['APERTO', 'FATTO', 'ANNULLATO'] as const;

export const threadAnchors = ['PIANO', 'AZIONE', 'PROGETTO', 'TEMA'] as const;
export const threadStatuses = ['APERTA', 'CHIUSA'] as const;

/** A period of targets and monitoring: a year ("2024") or a semester ("2024-S2"). */
export const PERIOD_PATTERN = /^[0-9]{4}(-S[12])?$/;

/**
 * When the plan's actions, partners and indicators may change: while it is drafted (AVVIO to BOZZA)
 * and after a monitoring, to prepare an update (MONITORATO; the step to AGGIORNATO freezes the new
 * version). An adopted plan being implemented changes only through a monitoring.
 */
export const actionsEditableIn: readonly PlanStatus[] = [
  'AVVIO',
  'ANALISI_CONTESTO',
  'TAVOLI_TEMATICI',
  'BOZZA',
  'MONITORATO',
];

/** When a monitoring (indicator values, actions' states) may be recorded: once the plan is implemented. */
export const monitoringOpenIn: readonly PlanStatus[] = ['IN_ATTUAZIONE', 'MONITORATO', 'AGGIORNATO'];
