import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

/** Who may hold the Comune's cases, with how many each holds (the referente's view). */
export function useCaseManagers(enabled: boolean) {
  return useQuery({
    queryKey: casesKeys.caseManagers,
    queryFn: () => unwrap(api.GET('/api/v1/pilot/case-managers')),
    enabled,
  });
}
