import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components, paths } from '../../../../api/schema';
import { resultsKeys } from './keys';

export type ResultQuestion = components['schemas']['SurveyResultQuestion'];
export type QuestionResult = components['schemas']['SurveyQuestionResult'];
export type Crosstab = components['schemas']['SurveyResultsCrosstab'];
export type ResultFilters = components['schemas']['SurveyResultFilters'];
export type ResultAreas = components['schemas']['SurveyResultAreas'];
export type AreaLevel = components['schemas']['SurveyAreaLevel'];
export type Settlement = components['schemas']['SurveySettlement'];
export type PreparedExport = components['schemas']['PreparedExport'];
export type ExportOptions = NonNullable<
  paths['/api/v1/surveys/waves/{waveId}/exports']['post']['requestBody']
>['content']['application/json'];
export type WaveReport = components['schemas']['SurveyWaveReport'];
export type MyResults = components['schemas']['SurveyMyResults'];
export type MyResultsArea = components['schemas']['SurveyMyResultsArea'];
export type MyAnswer = components['schemas']['SurveyMyAnswer'];
export type WaveComune = components['schemas']['SurveyWaveComune'];

export interface SettlementFilters {
  region?: string;
  type?: 'formale' | 'informale';
  kind?: string;
}

/** The filters the page offers (the API has also province, sai and pilot). */
export interface PageFilters {
  region?: string;
  macroArea?: NonNullable<ResultFilters['macroArea']>;
  band?: NonNullable<ResultFilters['band']>;
}

/** The questions with results, for the picker (operationId listSurveyResultQuestions). */
export function useResultQuestions(waveId: string) {
  return useQuery({
    queryKey: resultsKeys.questions(waveId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/waves/{waveId}/results/questions', { params: { path: { waveId } } })),
    enabled: waveId !== '',
  });
}

/** The results of one question (operationId getSurveyWaveResults). */
export function useQuestionResults(waveId: string, question: string, filters: PageFilters) {
  const query = { question, ...filters };
  return useQuery({
    queryKey: resultsKeys.results(waveId, query),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/waves/{waveId}/results', { params: { path: { waveId }, query } })),
    enabled: question !== '',
    placeholderData: keepPreviousData,
  });
}

/** The cross-tabulation of two questions (operationId getSurveyWaveCrosstab). */
export function useCrosstab(waveId: string, row: string, col: string, filters: PageFilters) {
  const query = { row, col, ...filters };
  return useQuery({
    queryKey: resultsKeys.crosstab(waveId, query),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/waves/{waveId}/results/crosstab', { params: { path: { waveId }, query } })),
    enabled: row !== '' && col !== '' && row !== col,
    placeholderData: keepPreviousData,
  });
}

/**
 * One value per area for the map of a question (operationId getSurveyWaveResultAreas); a choice
 * question needs the choice whose share is mapped (`choice` empty: not asked yet).
 */
export function useResultAreas(
  waveId: string,
  question: string,
  level: AreaLevel,
  choice: string | null,
  filters: PageFilters,
) {
  const query = { question, level, ...(choice ? { choice } : {}), ...filters };
  return useQuery({
    queryKey: resultsKeys.areas(waveId, query),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/waves/{waveId}/results/areas', { params: { path: { waveId }, query } })),
    // no placeholder: the previous level's areas must not be drawn on this level's boundaries
    enabled: question !== '' && choice !== '',
  });
}

/** The settlements of a wave, paged (operationId listSurveyWaveSettlements). */
export function useSettlements(waveId: string, filters: SettlementFilters, page: number, pageSize: number) {
  const query = { ...filters, page, pageSize };
  return useQuery({
    queryKey: resultsKeys.settlements(waveId, query),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/waves/{waveId}/settlements', { params: { path: { waveId }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** Prepares an export in the server's spool (operationId prepareSurveyWaveExport). */
export function usePrepareExport(waveId: string) {
  return useMutation({
    mutationFn: (body: ExportOptions) =>
      unwrap(api.POST('/api/v1/surveys/waves/{waveId}/exports', { params: { path: { waveId } }, body })),
  });
}

/** A prepared export's progress, asked again every half second until it is ready or failed. */
export function usePreparedExport(waveId: string, exportId: string | null) {
  return useQuery({
    queryKey: resultsKeys.prepared(waveId, exportId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/surveys/waves/{waveId}/exports/{exportId}', {
          params: { path: { waveId, exportId: exportId! } },
        }),
      ),
    enabled: exportId !== null,
    refetchInterval: (q) => (q.state.data && ['ready', 'failed'].includes(q.state.data.status) ? false : 500),
    retry: false,
  });
}

/** A Comune's own answers beside its Region's and Italy's figures (operationId getMySurveyWaveResults). */
export function useMyResults(waveId: string) {
  return useQuery({
    queryKey: resultsKeys.mine(waveId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/waves/{waveId}/results/mine', { params: { path: { waveId } } })),
    retry: false,
  });
}

/**
 * A wave's report, the model the downloads render too (operationId getSurveyWaveReport). The
 * operation also answers files (format pdf, docx, xlsx: plain links on the page); format=json is
 * the model.
 */
export function useWaveReport(waveId: string) {
  return useQuery({
    queryKey: resultsKeys.report(waveId),
    queryFn: async (): Promise<WaveReport> =>
      (await unwrap(
        api.GET('/api/v1/surveys/waves/{waveId}/report', {
          params: { path: { waveId }, query: { format: 'json' } },
        }),
      )) as WaveReport,
  });
}

/**
 * A Regione's own Comuni in the wave with their state, first page (operationId listSurveyWaveComuni;
 * row-level security gives a Regione its own Region's only).
 */
export function useRegionComuni(waveId: string, enabled: boolean) {
  return useQuery({
    queryKey: resultsKeys.regionComuni(waveId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/surveys/waves/{waveId}/comuni', { params: { path: { waveId }, query: { pageSize: 50 } } }),
      ),
    enabled,
  });
}
