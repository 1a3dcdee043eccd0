import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { UpdateMeasureBody } from './types';
import { casesKeys } from './keys';

export function useUpdatePilotMeasure(paiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ measureId, body }: { measureId: string; body: UpdateMeasureBody }) =>
      unwrap(api.PATCH('/api/v1/pilot/measures/{measureId}', { params: { path: { measureId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.pai(paiId) }),
  });
}
