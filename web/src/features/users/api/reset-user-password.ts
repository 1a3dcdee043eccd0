import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { usersKeys } from './keys';

export function useResetUserPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { newPassword } })),
    // the account must now change its password at the next login
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.one(id) }),
  });
}
