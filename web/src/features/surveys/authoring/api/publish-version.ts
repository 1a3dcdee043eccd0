import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { authoringKeys } from './keys';

export function usePublishVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      unwrap(api.POST('/api/v1/surveys/versions/{versionId}/publish', { params: { path: { versionId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authoringKeys.surveys }),
  });
}
