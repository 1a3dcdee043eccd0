import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { authoringKeys } from './keys';
import type { SurveyCreate } from './types';

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyCreate) => unwrap(api.POST('/api/v1/surveys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authoringKeys.surveys }),
  });
}
