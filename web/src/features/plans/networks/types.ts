import type { components } from '../../../api/schema';

export type Network = components['schemas']['PlanNetwork'];
export type NetworkSummary = components['schemas']['PlanNetworkSummary'];
export type Meeting = components['schemas']['PlanMeeting'];
export type FollowUp = components['schemas']['PlanFollowUp'];
export type WorkItem = components['schemas']['PlanFollowUpWorkItem'];
export type Totals = components['schemas']['PlanNetworkTotals'];
export type NetworkKind = components['schemas']['PlanNetworkKind'];
export type NetworkRole = components['schemas']['PlanNetworkRole'];
export type MeetingKind = components['schemas']['PlanMeetingKind'];
export type FollowUpKind = components['schemas']['PlanFollowUpKind'];

export const NETWORK_KINDS = ['TAVOLO', 'GRUPPO_TEMATICO'] as const satisfies readonly NetworkKind[];
export const NETWORK_ROLES = [
  'COORDINATORE',
  'SEGRETERIA',
  'MEMBRO',
  'OSSERVATORE',
] as const satisfies readonly NetworkRole[];
export const MEETING_KINDS = [
  'TAVOLO',
  'GRUPPO_TEMATICO',
  'WORKSHOP_TERRITORIALE',
  'FORMAZIONE',
] as const satisfies readonly MeetingKind[];
export const FOLLOW_UP_KINDS = ['AZIONE', 'DECISIONE'] as const satisfies readonly FollowUpKind[];
export const AXES = ['PREVENZIONE', 'VIGILANZA_CONTRASTO', 'PROTEZIONE_ASSISTENZA', 'REINTEGRAZIONE'] as const;

/** 2026-03-05 → 05/03/2026 */
export const dmy = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
