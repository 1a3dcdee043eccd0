import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { authoringKeys } from './keys';
import type { Version, VersionImport } from './types';

export function useImportVersion(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: VersionImport) =>
      (await unwrap(
        api.POST('/api/v1/surveys/{surveyId}/versions', { params: { path: { surveyId } }, body }),
      )) as unknown as Version,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authoringKeys.surveys }),
  });
}
