import { api, unwrap } from '../../../../api/client';
import type { ActivityCreate, ActivityPatch } from './types';
import { useProjectWrite } from './update-project';

export function useCreateActivity(projectId: string) {
  return useProjectWrite(projectId, (body: ActivityCreate) =>
    unwrap(api.POST('/api/v1/projects/{projectId}/activities', { params: { path: { projectId } }, body })),
  );
}

export function useUpdateActivity(projectId: string) {
  return useProjectWrite(projectId, ({ itemId, body }: { itemId: string; body: ActivityPatch }) =>
    unwrap(
      api.PATCH('/api/v1/projects/{projectId}/activities/{itemId}', { params: { path: { projectId, itemId } }, body }),
    ),
  );
}

export function useDeleteActivity(projectId: string) {
  return useProjectWrite(projectId, (itemId: string) =>
    unwrap(api.DELETE('/api/v1/projects/{projectId}/activities/{itemId}', { params: { path: { projectId, itemId } } })),
  );
}
