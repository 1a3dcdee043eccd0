import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components, paths } from '../../../../api/schema';
import { wavesKeys } from './keys';

export type Wave = components['schemas']['SurveyWave'];
export type UniverseRule = components['schemas']['SurveyUniverseRule'];
export type CreateWave =
  paths['/api/v1/surveys/{surveyId}/waves']['post']['requestBody']['content']['application/json'];
export type Funnel = components['schemas']['SurveyWaveFunnel'];
export type WaveComune = components['schemas']['SurveyWaveComune'];
export type ResponseStatus = components['schemas']['SurveyResponseStatus'];
export type StatusMap = components['schemas']['SurveyWaveStatusMap'];
export interface ComuniQuery {
  status?: ResponseStatus;
  region?: string;
  band?: WaveComune['band'];
  macroArea?: 'NO' | 'NE' | 'C' | 'S' | 'I';
  q?: string;
  page?: number;
}

export function useSurveyWaves(surveyId: string) {
  return useQuery({
    queryKey: wavesKeys.ofSurvey(surveyId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/{surveyId}/waves', { params: { path: { surveyId } } })),
  });
}

export function useWave(waveId: string) {
  return useQuery({
    queryKey: wavesKeys.wave(waveId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/waves/{waveId}', { params: { path: { waveId } } })),
  });
}

export function useUniversePreview(rule: UniverseRule | null) {
  return useQuery({
    queryKey: wavesKeys.preview(rule),
    queryFn: () => unwrap(api.POST('/api/v1/surveys/universe/preview', { body: { rule: rule! } })),
    enabled: rule !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useProvinces() {
  return useQuery({
    queryKey: wavesKeys.provinces,
    queryFn: () => unwrap(api.GET('/api/v1/provinces')),
    staleTime: Infinity,
  });
}

export function useCreateWave(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWave) =>
      unwrap(api.POST('/api/v1/surveys/{surveyId}/waves', { params: { path: { surveyId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wavesKeys.ofSurvey(surveyId) }),
  });
}

export type WaveAction = 'launch' | 'close' | 'extend';

export function useWaveAction(waveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, closesOn }: { action: WaveAction; closesOn?: string }) => {
      const path = { waveId };
      if (action === 'launch') return unwrap(api.POST('/api/v1/surveys/waves/{waveId}/launch', { params: { path } }));
      if (action === 'close') return unwrap(api.POST('/api/v1/surveys/waves/{waveId}/close', { params: { path } }));
      return unwrap(
        api.POST('/api/v1/surveys/waves/{waveId}/extend', { params: { path }, body: { closesOn: closesOn! } }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wavesKeys.all }),
  });
}

export function useFunnel(waveId: string, groupBy: Funnel['groupBy'], enabled: boolean) {
  return useQuery({
    queryKey: wavesKeys.funnel(waveId, groupBy),
    queryFn: () =>
      unwrap(api.GET('/api/v1/surveys/waves/{waveId}/funnel', { params: { path: { waveId }, query: { groupBy } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every Comune of the wave with its state, for the map (one answer of a few hundred KB at most). */
export function useStatusMap(waveId: string) {
  return useQuery({
    queryKey: wavesKeys.statusMap(waveId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/waves/{waveId}/status-map', { params: { path: { waveId } } })),
  });
}

export function useWaveComuni(waveId: string, query: ComuniQuery, enabled: boolean) {
  return useQuery({
    queryKey: wavesKeys.comuni(waveId, query),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/surveys/waves/{waveId}/comuni', {
          params: { path: { waveId }, query: { ...query, pageSize: 20 } },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The address of the XLSX export with the same filters (a plain link: the session cookie goes with it). */
export function comuniXlsxHref(waveId: string, query: ComuniQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== 'page' && v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1/surveys/waves/${waveId}/comuni.xlsx${qs ? `?${qs}` : ''}`;
}
