import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateMeasureBody } from './types';
import { casesKeys } from './keys';

export function useAddPilotMeasure(paiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeasureBody) =>
      unwrap(api.POST('/api/v1/pilot/pais/{paiId}/measures', { params: { path: { paiId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.pai(paiId) }),
  });
}
