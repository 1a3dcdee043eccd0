import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { claimsKeys } from './keys';

export type Assignment = components['schemas']['ProjectRevisoreAssignment'];
export type AssignRevisore = components['schemas']['ProjectRevisoreAssignInput'];

/** The revisori assigned to a project (operationId listProjectRevisori). */
export function useRevisori(projectId: string) {
  return useQuery({
    queryKey: claimsKeys.revisori(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/revisori', { params: { path: { projectId } } })),
  });
}

/** Users with the revisore role matching `q` (operationId findProjectRevisori). */
export function useRevisorePicker(q: string, enabled: boolean) {
  return useQuery({
    queryKey: claimsKeys.picker(q),
    queryFn: () => unwrap(api.GET('/api/v1/project-revisori', { params: { query: { q } } })),
    enabled,
  });
}

/** Assigns a revisore (operationId assignProjectRevisore). */
export function useAssignRevisore(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignRevisore) =>
      unwrap(api.POST('/api/v1/projects/{projectId}/revisori', { params: { path: { projectId } }, body })),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: claimsKeys.revisori(projectId) }),
  });
}

/** Revokes an assignment (operationId revokeProjectRevisore). */
export function useRevokeRevisore(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) =>
      unwrap(
        api.POST('/api/v1/projects/{projectId}/revisori/{assignmentId}/revoke', {
          params: { path: { projectId, assignmentId } },
        }),
      ),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: claimsKeys.revisori(projectId) }),
  });
}

/** The revisore's own assignments (operationId listMyRevisoreAssignments). */
export function useMyAssignments() {
  return useQuery({
    queryKey: claimsKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/revisore/assignments')),
  });
}
