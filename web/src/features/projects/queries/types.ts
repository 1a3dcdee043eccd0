import type { components } from '../../../api/schema';

export type Query = components['schemas']['ProjectQuery'];
export type QuerySummary = components['schemas']['ProjectQuerySummary'];
export type WorkItem = components['schemas']['ProjectQueryWorkItem'];
export type AnchorType = components['schemas']['ProjectQueryAnchorType'];
export type QueryStatus = components['schemas']['ProjectQueryStatus'];

export const ANCHOR_TYPES = [
  'PROGETTO',
  'RIGA_BUDGET',
  'SPESA',
  'DOMANDA',
  'MONITORAGGIO',
] as const satisfies readonly AnchorType[];

/** 2026-03-05 → 05/03/2026 */
export const dmy = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
