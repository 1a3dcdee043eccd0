/** The data of the events' attendance: check-in, the list, certificates, verification, figures. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';

type S = components['schemas'];
export type CheckInResult = S['EventCheckInResult'];
export type AttendanceList = S['EventAttendanceList'];
export type Verification = S['EventCertificateVerification'];
export type Figures = S['EventParticipationFigures'];
export type EventKind = AttendanceList['event']['kind'];

export const attendanceKeys = {
  all: ['events', 'attendance'] as const,
  list: (eventId: string) => ['events', 'attendance', 'list', eventId] as const,
  figures: (filters: Record<string, string>) => ['events', 'attendance', 'figures', filters] as const,
};

/** A presence from the QR alone (operationId checkInByQr). */
export function postCheckIn(registrationId: string, code: string): Promise<CheckInResult> {
  return unwrap(api.POST('/api/v1/event-check-ins', { body: { registrationId, code } }));
}

export function useAttendance(eventId: string) {
  return useQuery({
    queryKey: attendanceKeys.list(eventId),
    queryFn: () => unwrap(api.GET('/api/v1/events/{eventId}/attendance', { params: { path: { eventId } } })),
  });
}

/** An organiser marks or takes back a presence by hand. */
export function useManualCheckIn(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { registrationId: string; attended: boolean }) =>
      unwrap(
        api.POST('/api/v1/events/{eventId}/check-ins', {
          params: { path: { eventId } },
          body: { registrationId: v.registrationId, manual: true, attended: v.attended },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.list(eventId) }),
  });
}

export function useIssueCertificates(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/events/{eventId}/certificates', { params: { path: { eventId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.list(eventId) }),
  });
}

export function useVerifyCertificate() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/public/certificates/verify', { body: { code } })),
  });
}

export interface FiguresFilters {
  from?: string;
  to?: string;
  kind?: EventKind;
}

export function useFigures(filters: FiguresFilters) {
  return useQuery({
    queryKey: attendanceKeys.figures(filters as Record<string, string>),
    queryFn: () => unwrap(api.GET('/api/v1/event-figures', { params: { query: filters } })),
  });
}
