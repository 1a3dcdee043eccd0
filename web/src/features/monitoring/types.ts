/**
 * The shapes of the pilot monitoring API this feature shows, derived from the generated
 * description (never written by hand).
 */
import type { paths } from '../../api/paths';
import type { BodyOf, QueryOf, SuccessOf } from '../../api/operations';

export type Comparative = SuccessOf<paths['/api/v1/pilot/comparative']['get']>;
export type ComparativeColumn = Comparative['columns'][number];
export type ComparativeRow = Comparative['rows'][number];
export type ComparativeBlock = ComparativeColumn['block'];
export type CellKind = ComparativeColumn['kind'];
export type Cell = ComparativeRow['cells'][string];

export type Budget = SuccessOf<paths['/api/v1/pilot/budget']['get']>;
export type BudgetComune = Budget['comuni'][number];
export type MeasureType = BudgetComune['byType'][number]['type'];

export type Issue = SuccessOf<paths['/api/v1/pilot/issues']['get']>['items'][number];
export type IssueStatus = Issue['status'];
export type IssueCategory = Issue['category'];
export type IssuesQuery = QueryOf<paths['/api/v1/pilot/issues']['get']>;
export type IssueCreate = BodyOf<paths['/api/v1/pilot/issues']['post']>;
export type IssuePatch = BodyOf<paths['/api/v1/pilot/issues/{issueId}']['patch']>;

export type Task = SuccessOf<paths['/api/v1/pilot/tasks']['get']>['items'][number];

export type PseudonymisedRecord = SuccessOf<paths['/api/v1/pilot/comparative/records']['get']>['items'][number];

export const COMPARATIVE_BLOCKS: readonly ComparativeBlock[] = [
  'intake',
  'permits',
  'presa_in_carico',
  'pai_measures',
  'outcomes',
  'exits',
  'finance',
  'quality',
];
export const ISSUE_STATUSES: readonly IssueStatus[] = ['aperta', 'in_corso', 'risolta', 'chiusa'];
export const ISSUE_CATEGORIES: readonly IssueCategory[] = [
  'presa_in_carico',
  'permessi',
  'misure',
  'rete_territoriale',
  'finanziaria',
  'dati',
  'altro',
];
