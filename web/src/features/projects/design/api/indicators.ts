import { api, unwrap } from '../../../../api/client';
import type { IndicatorCreate, IndicatorPut } from './types';
import { useProjectWrite } from './update-project';

export function useAddIndicator(projectId: string) {
  return useProjectWrite(projectId, (body: IndicatorCreate) =>
    unwrap(api.POST('/api/v1/projects/{projectId}/indicators', { params: { path: { projectId } }, body })),
  );
}

export function usePutIndicator(projectId: string) {
  return useProjectWrite(projectId, ({ itemId, body }: { itemId: string; body: IndicatorPut }) =>
    unwrap(
      api.PUT('/api/v1/projects/{projectId}/indicators/{itemId}', { params: { path: { projectId, itemId } }, body }),
    ),
  );
}

export function useRemoveIndicator(projectId: string) {
  return useProjectWrite(projectId, (itemId: string) =>
    unwrap(api.DELETE('/api/v1/projects/{projectId}/indicators/{itemId}', { params: { path: { projectId, itemId } } })),
  );
}
