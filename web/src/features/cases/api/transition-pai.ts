import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { PaiTransitionBody } from './types';
import { casesKeys } from './keys';

export function useTransitionPilotPai(paiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaiTransitionBody) =>
      unwrap(api.POST('/api/v1/pilot/pais/{paiId}/transitions', { params: { path: { paiId } }, body })),
    onSuccess: (pai) => {
      queryClient.setQueryData(casesKeys.pai(paiId), pai);
      return queryClient.invalidateQueries({ queryKey: casesKeys.cases });
    },
  });
}
