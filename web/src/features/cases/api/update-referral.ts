import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { UpdateReferralBody } from './types';
import { casesKeys } from './keys';

export function useUpdatePilotReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, body }: { referralId: string; body: UpdateReferralBody }) =>
      unwrap(api.PATCH('/api/v1/pilot/referrals/{referralId}', { params: { path: { referralId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.referrals }),
  });
}
