import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ReferralsQuery } from './types';
import { casesKeys } from './keys';

export function usePilotReferrals(query: ReferralsQuery) {
  return useQuery({
    queryKey: casesKeys.referralList(query),
    queryFn: () => unwrap(api.GET('/api/v1/pilot/referrals', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
