import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateReferralBody } from './types';
import { casesKeys } from './keys';

export function useCreatePilotReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReferralBody) => unwrap(api.POST('/api/v1/pilot/referrals', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.referrals }),
  });
}
