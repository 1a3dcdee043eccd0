/** The data of the events' feedback questionnaire: the participant's (own registration or link), the organisers'. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';

type S = components['schemas'];
export type ParticipantFeedback = S['EventParticipantFeedback'];
export type FeedbackReceipt = S['EventFeedbackReceipt'];
export type FeedbackResults = S['EventFeedbackResults'];
export type FeedbackAttachment = S['EventFeedbackAttachment'];
export type FeedbackFormList = S['EventFeedbackFormList'];
export type FeedbackQuestionResult = S['EventFeedbackQuestionResult'];

export const feedbackKeys = {
  mine: (registrationId: string) => ['events', 'feedback', 'mine', registrationId] as const,
  link: (token: string) => ['events', 'feedback', 'link', token] as const,
  results: (eventId: string) => ['events', 'feedback', 'results', eventId] as const,
  attachment: (eventId: string) => ['events', 'feedback', 'attachment', eventId] as const,
  forms: ['events', 'feedback', 'forms'] as const,
};

/** Where the participant stands and the questionnaire: by the user's registration, or by the link's token. */
export type FeedbackSource = { registrationId: string } | { token: string };

export function useParticipantFeedback(source: FeedbackSource) {
  return useQuery({
    queryKey: 'token' in source ? feedbackKeys.link(source.token) : feedbackKeys.mine(source.registrationId),
    queryFn: () =>
      'token' in source
        ? unwrap(api.POST('/api/v1/public/registrations/feedback', { body: { token: source.token } }))
        : unwrap(
            api.GET('/api/v1/event-registrations/{registrationId}/feedback', {
              params: { path: { registrationId: source.registrationId } },
            }),
          ),
    retry: false,
  });
}

export function useAnswerFeedback(source: FeedbackSource) {
  return useMutation({
    mutationFn: (answers: Record<string, unknown>) =>
      'token' in source
        ? unwrap(api.POST('/api/v1/public/registrations/feedback/answer', { body: { token: source.token, answers } }))
        : unwrap(
            api.POST('/api/v1/event-registrations/{registrationId}/feedback', {
              params: { path: { registrationId: source.registrationId } },
              body: { answers },
            }),
          ),
  });
}

export function useFeedbackResults(eventId: string) {
  return useQuery({
    queryKey: feedbackKeys.results(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}/feedback', { params: { path: { eventId } } })),
  });
}

export function useFeedbackAttachment(eventId: string) {
  return useQuery({
    queryKey: feedbackKeys.attachment(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}/feedback-form', { params: { path: { eventId } } })),
  });
}

export function useFeedbackForms() {
  return useQuery({
    queryKey: feedbackKeys.forms,
    queryFn: () => unwrap(api.GET('/api/v1/event-feedback-forms')),
  });
}

export function useAttachFeedback(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { formVersionId: string | null; rowVersion: number }) =>
      unwrap(api.PUT('/api/v1/events/{eventId}/feedback-form', { params: { path: { eventId } }, body })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['events'] });
    },
  });
}
