import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/me/password', { body })),
  });
}
