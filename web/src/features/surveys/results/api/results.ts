import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { resultsKeys } from './keys';

export type ResultQuestion = components['schemas']['SurveyResultQuestion'];
export type QuestionResult = components['schemas']['SurveyQuestionResult'];
export type Crosstab = components['schemas']['SurveyResultsCrosstab'];
export type ResultFilters = components['schemas']['SurveyResultFilters'];

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
