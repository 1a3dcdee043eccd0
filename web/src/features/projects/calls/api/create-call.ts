import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { useInvalidateCalls } from './invalidate';
import type { CallCreate } from './types';

export function useCreateCall() {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (body: CallCreate) => unwrap(api.POST('/api/v1/funding-calls', { body })),
    onSuccess: invalidate,
  });
}
