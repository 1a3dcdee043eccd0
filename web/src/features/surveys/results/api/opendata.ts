import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { resultsKeys } from './keys';

export type OpenDataset = components['schemas']['OpenDataset'];
export type OpenDataRelease = components['schemas']['OpenDataRelease'];
export type OpenDataReleaseRequest = components['schemas']['OpenDataReleaseRequestInput'];
export type OpenDataLevel = components['schemas']['OpenDataLevel'];
export type OpenDataTheme = components['schemas']['OpenDataTheme'];

/** The public catalogue, no session needed (operationId listOpenDatasets). */
export function useOpenDatasets() {
  return useQuery({
    queryKey: resultsKeys.openData,
    queryFn: () => unwrap(api.GET('/api/v1/open-data/datasets')),
  });
}

/** A wave's releases, withdrawn ones too (operationId listSurveyOpenDataReleases). */
export function useWaveReleases(waveId: string) {
  return useQuery({
    queryKey: resultsKeys.releases(waveId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/waves/{waveId}/open-data', { params: { path: { waveId } } })),
  });
}

/** Releases a dataset of the wave (operationId releaseSurveyOpenDataset). */
export function useReleaseDataset(waveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenDataReleaseRequest) =>
      unwrap(api.POST('/api/v1/surveys/waves/{waveId}/open-data', { params: { path: { waveId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: resultsKeys.releases(waveId) });
      await queryClient.invalidateQueries({ queryKey: resultsKeys.openData });
    },
  });
}

/** Withdraws a release from the public catalogue (operationId withdrawSurveyOpenDataset). */
export function useWithdrawDataset(waveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (datasetId: string) =>
      unwrap(api.POST('/api/v1/surveys/open-data/{datasetId}/withdraw', { params: { path: { datasetId } }, body: {} })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: resultsKeys.releases(waveId) });
      await queryClient.invalidateQueries({ queryKey: resultsKeys.openData });
    },
  });
}
