import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export function useResetUserPassword(id: string) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { newPassword } })),
  });
}
