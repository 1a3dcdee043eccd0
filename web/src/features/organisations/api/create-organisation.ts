import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { OrganisationCreate } from '../../../api/models';
import { organisationsKeys } from './keys';

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationCreate) => unwrap(api.POST('/api/v1/organisations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsKeys.all }),
  });
}
