import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { UserCreate } from '../../../api/models';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      // Organisation pages list their users.
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
}
