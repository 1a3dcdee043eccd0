import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const CheckInPage = lazyPage(() => import('./CheckInPage'), 'CheckInPage');
export const AttendancePage = lazyPage(() => import('./AttendancePage'), 'AttendancePage');
export const FiguresPage = lazyPage(() => import('./FiguresPage'), 'FiguresPage');
export const VerifyCertificatePage = lazyPage(() => import('./VerifyCertificatePage'), 'VerifyCertificatePage');

/** The pages of the events' attendance (listed in ../index.ts). */
export const attendancePages: readonly FeaturePage[] = [
  { path: 'eventi-gestione/accoglienza', page: CheckInPage, permission: Permission.eventsManage },
  { path: 'eventi-gestione/:eventId/presenze', page: AttendancePage, permission: Permission.eventsManage },
  { path: 'eventi/partecipazione', page: FiguresPage, permission: Permission.eventsFiguresRead },
];
export const attendancePublicPages: readonly FeaturePage[] = [
  { path: 'verifica-attestato', page: VerifyCertificatePage },
];
export const attendanceMenu: readonly FeatureMenuItem[] = [
  {
    to: '/eventi/partecipazione',
    labelKey: 'events.attendance.figures.menu',
    permission: Permission.eventsFiguresRead,
  },
];
