import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const MyRequestsPage = lazyPage(() => import('./MyRequestsPage'), 'MyRequestsPage');
export const NewRequestPage = lazyPage(() => import('./NewRequestPage'), 'NewRequestPage');
export const QueuePage = lazyPage(() => import('./QueuePage'), 'QueuePage');
export const RequestPage = lazyPage(() => import('./RequestPage'), 'RequestPage');

/** The pages of the help desk's requests (listed in ../index.ts). */
export const requestsPages: readonly FeaturePage[] = [
  { path: 'assistenza-tecnica', page: MyRequestsPage, permission: Permission.helpdeskRequest },
  { path: 'assistenza-tecnica/nuova', page: NewRequestPage, permission: Permission.helpdeskRequest },
  { path: 'assistenza-tecnica/coda', page: QueuePage, permission: Permission.helpdeskHandle },
  {
    path: 'assistenza-tecnica/richieste/:requestId',
    page: RequestPage,
    permission: [Permission.helpdeskRequest, Permission.helpdeskHandle],
  },
];
export const requestsMenu: readonly FeatureMenuItem[] = [
  { to: '/assistenza-tecnica', labelKey: 'helpdesk.requests.menu', permission: Permission.helpdeskRequest },
  { to: '/assistenza-tecnica/coda', labelKey: 'helpdesk.requests.queueMenu', permission: Permission.helpdeskHandle },
];
