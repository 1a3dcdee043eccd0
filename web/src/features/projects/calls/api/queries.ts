import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { callsKeys } from './keys';
import type { CallCreate, Rules, SourceCreate } from './types';

export function useCalls() {
  return useQuery({ queryKey: callsKeys.list, queryFn: () => unwrap(api.GET('/api/v1/funding-calls')) });
}

export function useFundingSources() {
  return useQuery({ queryKey: callsKeys.sources, queryFn: () => unwrap(api.GET('/api/v1/funding-sources')) });
}

export function useCall(callId: string) {
  return useQuery({
    queryKey: callsKeys.call(callId),
    queryFn: () => unwrap(api.GET('/api/v1/funding-calls/{callId}', { params: { path: { callId } } })),
  });
}

function useInvalidateCalls() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: callsKeys.all });
}

export function useCreateSource() {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (body: SourceCreate) => unwrap(api.POST('/api/v1/funding-sources', { body })),
    onSuccess: invalidate,
  });
}

export function useCreateCall() {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (body: CallCreate) => unwrap(api.POST('/api/v1/funding-calls', { body })),
    onSuccess: invalidate,
  });
}

export function useCreateVersion(callId: string) {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (body: { rules: Rules; note?: string }) =>
      unwrap(api.POST('/api/v1/funding-calls/{callId}/versions', { params: { path: { callId } }, body })),
    onSuccess: invalidate,
  });
}

export function useSaveVersion(callId: string) {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: ({ versionId, ...body }: { versionId: string; rules: Rules; note?: string }) =>
      unwrap(
        api.PUT('/api/v1/funding-calls/{callId}/versions/{versionId}', {
          params: { path: { callId, versionId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function usePublishVersion(callId: string) {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (versionId: string) =>
      unwrap(
        api.POST('/api/v1/funding-calls/{callId}/versions/{versionId}/publish', {
          params: { path: { callId, versionId } },
        }),
      ),
    onSuccess: invalidate,
  });
}
