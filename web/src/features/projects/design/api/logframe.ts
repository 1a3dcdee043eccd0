import { api, unwrap } from '../../../../api/client';
import type { LogframeCreate, LogframePatch } from './types';
import { useProjectWrite } from './update-project';

export function useCreateLogframeItem(projectId: string) {
  return useProjectWrite(projectId, (body: LogframeCreate) =>
    unwrap(api.POST('/api/v1/projects/{projectId}/logframe', { params: { path: { projectId } }, body })),
  );
}

export function useUpdateLogframeItem(projectId: string) {
  return useProjectWrite(projectId, ({ itemId, body }: { itemId: string; body: LogframePatch }) =>
    unwrap(
      api.PATCH('/api/v1/projects/{projectId}/logframe/{itemId}', { params: { path: { projectId, itemId } }, body }),
    ),
  );
}

export function useDeleteLogframeItem(projectId: string) {
  return useProjectWrite(projectId, (itemId: string) =>
    unwrap(api.DELETE('/api/v1/projects/{projectId}/logframe/{itemId}', { params: { path: { projectId, itemId } } })),
  );
}
