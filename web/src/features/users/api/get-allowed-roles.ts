import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { usersKeys } from './keys';

/** The roles an account of the organisation may hold (the role picker offers only these). */
export function useAllowedRoles(organisationId: string | null) {
  return useQuery({
    queryKey: usersKeys.allowedRoles(organisationId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/users/allowed-roles', { params: { query: { organisationId: organisationId ?? '' } } })),
    enabled: organisationId !== null && organisationId !== '',
    staleTime: 5 * 60_000,
  });
}
