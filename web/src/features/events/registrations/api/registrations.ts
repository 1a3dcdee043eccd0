import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';

export type MyRegistration = components['schemas']['EventMyRegistration'];
export type PublicRegistrationInput = components['schemas']['EventPublicRegistrationInput'];

export const registrationKeys = {
  mine: ['events', 'registrations', 'mine'] as const,
};

/** The user's registrations (operationId listMyEventRegistrations). */
export function useMyRegistrations(enabled = true) {
  return useQuery({
    queryKey: registrationKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/event-registrations/mine')),
    enabled,
  });
}

/** Registers the user (operationId registerForEvent). */
export function useRegisterSelf(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/events/{eventId}/registrations', { params: { path: { eventId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registrationKeys.mine }),
  });
}

/** Cancels the user's registration (operationId cancelEventRegistration). */
export function useCancelMine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/event-registrations/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registrationKeys.mine }),
  });
}

/** An external participant asks to register (operationId requestEventRegistration). */
export function useRequestRegistration(slug: string) {
  return useMutation({
    mutationFn: (body: PublicRegistrationInput) =>
      unwrap(api.POST('/api/v1/public/events/{slug}/registrations', { params: { path: { slug } }, body })),
  });
}

/** The link's token: confirm, look up, cancel (tokens only in bodies, never in a URL). */
export const byLink = {
  confirm: (token: string) => unwrap(api.POST('/api/v1/public/registrations/confirm', { body: { token } })),
  lookup: (token: string) => unwrap(api.POST('/api/v1/public/registrations/lookup', { body: { token } })),
  cancel: (token: string) => unwrap(api.POST('/api/v1/public/registrations/cancel', { body: { token } })),
  /** The QR code to show at the entrance (SVG text) and the certificate (a PDF to save): the token rides in the body. */
  qrSvg: (token: string) => unwrap(api.POST('/api/v1/public/registrations/qr', { body: { token }, parseAs: 'text' })),
  certificate: (token: string) =>
    unwrap(api.POST('/api/v1/public/registrations/certificate', { body: { token }, parseAs: 'blob' })),
};
