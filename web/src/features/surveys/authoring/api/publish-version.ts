import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { wavesKeys } from '../../waves/api/keys';
import { authoringKeys } from './keys';

export function usePublishVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      unwrap(api.POST('/api/v1/surveys/versions/{versionId}/publish', { params: { path: { versionId } } })),
    // the survey's waves section lists the published versions: "Nuova rilevazione" appears at once
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authoringKeys.surveys }),
        queryClient.invalidateQueries({ queryKey: wavesKeys.all }),
      ]),
  });
}
