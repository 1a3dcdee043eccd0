import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { OrganisationUpdate } from '../../../api/models';
import { organisationsKeys } from './keys';

/** A merge patch of name, PEC, tax code, address and active flag (only what changed). */
export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationUpdate) =>
      unwrap(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsKeys.all }),
  });
}
