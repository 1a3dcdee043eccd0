import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { UpdatePaiBody } from './types';
import { casesKeys } from './keys';

export function useUpdatePilotPai(paiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePaiBody) =>
      unwrap(api.PATCH('/api/v1/pilot/pais/{paiId}', { params: { path: { paiId } }, body })),
    onSuccess: (pai) => queryClient.setQueryData(casesKeys.pai(paiId), pai),
  });
}
