import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { PermitEventBody } from './types';
import { casesKeys } from './keys';

export function useRecordPilotPermitEvent(caseId: string, permitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PermitEventBody) =>
      unwrap(api.POST('/api/v1/pilot/permits/{permitId}/events', { params: { path: { permitId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.case(caseId) }),
  });
}
