import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { meQueryKey } from '../../../lib/session';

export function useSetupTotp() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/totp/setup')) });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/me/totp/confirm', { body: { code } })),
    // totpEnabled and mustEnrolTotp change: read the session again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
