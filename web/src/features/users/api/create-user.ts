import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { UserCreate } from '../../../api/models';
import { usersKeys } from './keys';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKeys.all });
      // Organisation pages list their users.
      await queryClient.invalidateQueries({ queryKey: usersKeys.organisations });
    },
  });
}
