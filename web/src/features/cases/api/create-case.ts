import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateCaseBody } from './types';

export function useCreatePilotCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => unwrap(api.POST('/api/v1/pilot/cases', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pilot'] }),
  });
}
