import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ComunePatch } from '../../../api/models';
import { registryKeys } from './keys';

export function useUpdateComune(istatCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComunePatch) =>
      unwrap(api.PATCH('/api/v1/comuni/{istatCode}', { params: { path: { istatCode } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registryKeys.comune(istatCode) });
      await queryClient.invalidateQueries({ queryKey: registryKeys.comuni });
    },
  });
}
