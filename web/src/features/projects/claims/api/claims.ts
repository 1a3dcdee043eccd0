import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { claimsKeys } from './keys';

export type ClaimDetail = components['schemas']['ProjectClaimDetail'];
export type ClaimSummary = components['schemas']['ProjectClaimSummary'];
export type ClaimList = components['schemas']['ProjectClaimList'];
export type ClaimStatus = components['schemas']['ProjectClaimStatus'];
export type ClaimTransition = components['schemas']['ProjectClaimTransitionInput'];
export type VerificationSet = components['schemas']['ProjectVerificationSetInput'];
export type VerificationReason = components['schemas']['ProjectVerificationReason'];
export type VerificationOutcome = components['schemas']['ProjectVerificationOutcome'];

/** The claims of a project (operationId listProjectClaims). */
export function useClaims(projectId: string) {
  return useQuery({
    queryKey: claimsKeys.list(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{projectId}/claims', { params: { path: { projectId } } })),
  });
}

/** One claim (operationId getProjectClaim). */
export function useClaim(projectId: string, claimId: string) {
  return useQuery({
    queryKey: claimsKeys.one(projectId, claimId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{projectId}/claims/{claimId}', { params: { path: { projectId, claimId } } })),
  });
}

/** After a change: the claim as the server answered, and the list again. */
function useClaimChange<T>(projectId: string, claimId: string, fn: (body: T) => Promise<ClaimDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(claimsKeys.one(projectId, detail.id), detail);
      if (detail.id !== claimId) await queryClient.invalidateQueries({ queryKey: claimsKeys.one(projectId, claimId) });
      await queryClient.invalidateQueries({ queryKey: claimsKeys.list(projectId) });
    },
  });
}

/** Drafts the next claim (operationId createProjectClaim). */
export function useCreateClaim(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { periodStart: string; periodEnd: string }) =>
      unwrap(api.POST('/api/v1/projects/{projectId}/claims', { params: { path: { projectId } }, body })),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: claimsKeys.list(projectId) }),
  });
}

/** Sets the expenses of a draft (operationId setProjectClaimExpenses). */
export function useSetClaimExpenses(projectId: string, claimId: string) {
  return useClaimChange(projectId, claimId, (body: { expenseIds: string[]; rowVersion: number }) =>
    unwrap(
      api.PUT('/api/v1/projects/{projectId}/claims/{claimId}/expenses', {
        params: { path: { projectId, claimId } },
        body,
      }),
    ),
  );
}

/** Sends a draft (operationId submitProjectClaim). */
export function useSubmitClaim(projectId: string, claimId: string) {
  return useClaimChange(projectId, claimId, (body: { rowVersion: number }) =>
    unwrap(
      api.POST('/api/v1/projects/{projectId}/claims/{claimId}/submit', {
        params: { path: { projectId, claimId } },
        body,
      }),
    ),
  );
}

/** Moves a sent claim (operationId transitionProjectClaim). */
export function useTransitionClaim(projectId: string, claimId: string) {
  return useClaimChange(projectId, claimId, (body: ClaimTransition) =>
    unwrap(
      api.POST('/api/v1/projects/{projectId}/claims/{claimId}/transitions', {
        params: { path: { projectId, claimId } },
        body,
      }),
    ),
  );
}

/** A new version of a claim awaiting integrations (operationId newProjectClaimVersion). */
export function useNewClaimVersion(projectId: string, claimId: string) {
  return useClaimChange(projectId, claimId, () =>
    unwrap(
      api.POST('/api/v1/projects/{projectId}/claims/{claimId}/new-version', {
        params: { path: { projectId, claimId } },
      }),
    ),
  );
}

/** The revisore's verification of one expense (operationId verifyProjectClaimExpense). */
export function useVerifyExpense(projectId: string, claimId: string) {
  return useClaimChange(projectId, claimId, ({ expenseId, ...body }: VerificationSet & { expenseId: string }) =>
    unwrap(
      api.PUT('/api/v1/projects/{projectId}/claims/{claimId}/verifications/{expenseId}', {
        params: { path: { projectId, claimId, expenseId } },
        body,
      }),
    ),
  );
}

/** Issues the verbale (operationId issueProjectClaimVerbale). */
export function useIssueVerbale(projectId: string, claimId: string) {
  return useClaimChange(projectId, claimId, (body: { note?: string }) =>
    unwrap(
      api.POST('/api/v1/projects/{projectId}/claims/{claimId}/verbale', {
        params: { path: { projectId, claimId } },
        body,
      }),
    ),
  );
}

/** The address of a document of the verbale, for a download link. */
export function verbaleDocumentUrl(projectId: string, claimId: string, doc: string): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/claims/${encodeURIComponent(claimId)}/${doc}`;
}
