import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { usersKeys } from './keys';

/** Forgets the account's second factor: its sessions end and it enrols again at the next login. */
export function useResetUserTotp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/totp/reset', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.one(id) }),
  });
}
