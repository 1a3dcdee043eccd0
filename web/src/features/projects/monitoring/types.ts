import type { components } from '../../../api/schema';

export type Report = components['schemas']['ProjectMonitoringReport'];
export type ReportSummary = components['schemas']['ProjectMonitoringReportSummary'];
export type ReportList = components['schemas']['ProjectMonitoringReportList'];
export type MonitoringStatus = components['schemas']['ProjectMonitoringStatus'];
export type MonitoringComment = components['schemas']['ProjectMonitoringComment'];
export type Content = Report['content'];
export type Procurement = Content['procurements'][number];
export type Decision = 'validate' | 'return' | 'approve';

export const PROCEDURES = [
  'AFFIDAMENTO_DIRETTO',
  'PROCEDURA_NEGOZIATA',
  'PROCEDURA_APERTA',
  'ADESIONE_CONVENZIONE',
  'CO_PROGETTAZIONE',
  'ALTRO',
] as const satisfies readonly Procurement['procedure'][];

export const STEPS = [
  'DETERMINA_A_CONTRARRE',
  'PUBBLICAZIONE',
  'AGGIUDICAZIONE',
  'STIPULA',
  'AVVIO_ESECUZIONE',
  'CONCLUSIONE',
] as const satisfies readonly Procurement['steps'][number]['step'][];

/** The sections a reviewer comments on (a comment may also name a path inside one). */
export const SECTIONS = [
  'general',
  'procurements',
  'activities',
  'indicators',
  'financial',
  'financialNotes',
  'criticalIssues',
] as const;
export type Section = (typeof SECTIONS)[number];

/** 2026-03-05 → 05/03/2026 */
export const dmy = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
