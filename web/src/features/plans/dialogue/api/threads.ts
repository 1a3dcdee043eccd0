import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { dialogueKeys } from './keys';

export type ThreadSummary = components['schemas']['PlanThreadSummary'];
export type ThreadDetail = components['schemas']['PlanThread'];
export type Participant = components['schemas']['PlanThreadParticipant'];
export type AnchorKind = components['schemas']['PlanThreadAnchorKind'];
export type OpenThreadInput = components['schemas']['PlanThreadOpenInput'];
export type MessageInput = components['schemas']['PlanThreadMessageRequestInput'];

export interface ThreadFilters {
  status?: 'APERTA' | 'CHIUSA' | undefined;
  comune?: string | undefined;
  anchor?: AnchorKind | undefined;
  planId?: string | undefined;
  awaitingMe?: 'true' | undefined;
  overdue?: 'true' | undefined;
}

/** The threads in reach, with filters (operationId listPlanThreads). */
export function useThreads(filters: ThreadFilters) {
  return useQuery({
    queryKey: dialogueKeys.list({ ...filters }),
    queryFn: () => unwrap(api.GET('/api/v1/plan-threads', { params: { query: filters } })),
  });
}

/** A thread with its messages (operationId getPlanThread). */
export function useThread(threadId: string) {
  return useQuery({
    queryKey: dialogueKeys.thread(threadId),
    queryFn: () => unwrap(api.GET('/api/v1/plan-threads/{threadId}', { params: { path: { threadId } } })),
  });
}

/** Who may be mentioned in a Comune's threads (operationId listPlanThreadParticipants). */
export function useParticipants(comuneIstat: string | null) {
  return useQuery({
    queryKey: dialogueKeys.participants(comuneIstat ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/plan-threads/participants', { params: { query: { comuneIstat: comuneIstat ?? '' } } })),
    enabled: comuneIstat !== null,
    staleTime: 60_000,
  });
}

/** What a thread with a Comune may be anchored to (operationId listPlanThreadAnchors). */
export function useAnchorChoices(comuneIstat: string | null) {
  return useQuery({
    queryKey: dialogueKeys.anchors(comuneIstat ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/plan-threads/anchors', { params: { query: { comuneIstat: comuneIstat ?? '' } } })),
    enabled: comuneIstat !== null,
  });
}

/** Opens a thread (operationId openPlanThread). */
export function useOpenThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenThreadInput) => unwrap(api.POST('/api/v1/plan-threads', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dialogueKeys.all }),
  });
}

function useThreadChange<I>(threadId: string, call: (input: I) => Promise<ThreadDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      queryClient.setQueryData(dialogueKeys.thread(threadId), detail);
      return queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
    },
  });
}

/** Writes in a thread (operationId postPlanThreadMessage). */
export function usePostMessage(threadId: string) {
  return useThreadChange(threadId, (body: MessageInput) =>
    unwrap(api.POST('/api/v1/plan-threads/{threadId}/messages', { params: { path: { threadId } }, body })),
  );
}

/** Closes or reopens a thread (operationIds closePlanThread, reopenPlanThread). */
export function useSetThreadStatus(threadId: string) {
  return useThreadChange(threadId, (close: boolean) =>
    unwrap(
      close
        ? api.POST('/api/v1/plan-threads/{threadId}/close', { params: { path: { threadId } } })
        : api.POST('/api/v1/plan-threads/{threadId}/reopen', { params: { path: { threadId } } }),
    ),
  );
}

/** Moves the due date (operationId patchPlanThread). */
export function usePatchThread(threadId: string) {
  return useThreadChange(threadId, (body: { dueDate: string | null; rowVersion: number }) =>
    unwrap(api.PATCH('/api/v1/plan-threads/{threadId}', { params: { path: { threadId } }, body })),
  );
}

/** The address of an attachment's download (a plain link: the browser saves it). */
export const attachmentUrl = (threadId: string, documentId: string) =>
  `/api/v1/plan-threads/${threadId}/attachments/${documentId}`;
