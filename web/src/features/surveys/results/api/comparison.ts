import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { resultsKeys } from './keys';
import type { PageFilters } from './results';

export type Comparison = components['schemas']['SurveyWaveComparison'];
export type ComparisonWarning = components['schemas']['SurveyComparisonWarning'];
export type WaveMapping = components['schemas']['SurveyWaveMapping'];
export type WaveMappings = components['schemas']['SurveyWaveMappings'];
export type ComparableWave = components['schemas']['SurveyComparableWave'];

/** The waves this one may be compared with (operationId listSurveyComparableWaves). */
export function useComparableWaves(waveId: string) {
  return useQuery({
    queryKey: resultsKeys.comparableWaves(waveId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/waves/{waveId}/comparison/waves', { params: { path: { waveId } } })),
  });
}

/** One question across two waves (operationId getSurveyWaveComparison). */
export function useComparison(waveId: string, other: string, question: string, comune: string, filters: PageFilters) {
  const query = { other, question, ...(comune ? { comune } : {}), ...filters };
  return useQuery({
    queryKey: [...resultsKeys.pair(waveId, other), 'comparison', waveId, query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/waves/{waveId}/comparison', { params: { path: { waveId }, query } })),
    enabled: other !== '' && question !== '',
    placeholderData: keepPreviousData,
  });
}

/** The mapping between the two waves' questionnaires (operationId getSurveyWaveMappings). */
export function useWaveMappings(waveId: string, otherWaveId: string) {
  return useQuery({
    queryKey: resultsKeys.mappings(waveId, otherWaveId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/surveys/waves/{waveId}/comparison/{otherWaveId}/mappings', {
          params: { path: { waveId, otherWaveId } },
        }),
      ),
    enabled: otherWaveId !== '',
  });
}

/** Replaces the mapping (operationId putSurveyWaveMappings); the pair's comparisons are read again. */
export function useSaveMappings(waveId: string, otherWaveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: WaveMapping[]) =>
      unwrap(
        api.PUT('/api/v1/surveys/waves/{waveId}/comparison/{otherWaveId}/mappings', {
          params: { path: { waveId, otherWaveId } },
          body: { items },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsKeys.pair(waveId, otherWaveId) }),
  });
}
