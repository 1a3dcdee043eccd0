import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateCaseBody } from './types';
import { casesKeys } from './keys';

export function useCreatePilotCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => unwrap(api.POST('/api/v1/pilot/cases', { body })),
    // the new case shows in the list, and a referral it takes in charge gets its case
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: casesKeys.caseLists }),
        queryClient.invalidateQueries({ queryKey: casesKeys.referrals }),
      ]),
  });
}
