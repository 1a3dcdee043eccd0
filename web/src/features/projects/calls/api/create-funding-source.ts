import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { useInvalidateCalls } from './invalidate';
import type { SourceCreate } from './types';

export function useCreateSource() {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (body: SourceCreate) => unwrap(api.POST('/api/v1/funding-sources', { body })),
    onSuccess: invalidate,
  });
}
