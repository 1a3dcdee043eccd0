import { useQueryClient } from '@tanstack/react-query';
import { callsKeys } from './keys';

/** Every write refreshes every calls query (list, detail, sources). */
export function useInvalidateCalls() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: callsKeys.all });
}
