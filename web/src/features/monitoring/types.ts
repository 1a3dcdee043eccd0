/**
 * The shapes of the pilot monitoring API this feature shows, derived from the generated
 * description (never written by hand).
 */
import type { paths } from '../../api/paths';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201>]> : never;
// a request body in whatever media type it is sent (PATCH bodies are application/merge-patch+json)
type ContentOf<B> = B extends { content: infer C } ? C[keyof C] : never;
type Body<Op> = Op extends { requestBody?: infer B } ? ContentOf<NonNullable<B>> : never;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Comparative = Ok<paths['/api/v1/pilot/comparative']['get']>;
export type ComparativeColumn = Comparative['columns'][number];
export type ComparativeRow = Comparative['rows'][number];
export type ComparativeBlock = ComparativeColumn['block'];
export type CellKind = ComparativeColumn['kind'];
export type Cell = ComparativeRow['cells'][string];

export type Budget = Ok<paths['/api/v1/pilot/budget']['get']>;
export type BudgetComune = Budget['comuni'][number];
export type MeasureType = BudgetComune['byType'][number]['type'];

export type Issue = Ok<paths['/api/v1/pilot/issues']['get']>['items'][number];
export type IssueStatus = Issue['status'];
export type IssueCategory = Issue['category'];
export type IssuesQuery = Query<paths['/api/v1/pilot/issues']['get']>;
export type IssueCreate = Body<paths['/api/v1/pilot/issues']['post']>;
export type IssuePatch = Body<paths['/api/v1/pilot/issues/{issueId}']['patch']>;

export type Task = Ok<paths['/api/v1/pilot/tasks']['get']>['items'][number];

export type PseudonymisedRecord = Ok<paths['/api/v1/pilot/comparative/records']['get']>['items'][number];

export const COMPARATIVE_BLOCKS: readonly ComparativeBlock[] = [
  'intake', 'permits', 'presa_in_carico', 'pai_measures', 'outcomes', 'exits', 'finance', 'quality',
];
export const ISSUE_STATUSES: readonly IssueStatus[] = ['aperta', 'in_corso', 'risolta', 'chiusa'];
export const ISSUE_CATEGORIES: readonly IssueCategory[] = [
  'presa_in_carico', 'permessi', 'misure', 'rete_territoriale', 'finanziaria', 'dati', 'altro',
];
