import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';
import { prefetchPublicEvents } from './api/events';

export const PublicEventsPage = lazyPage(() => import('./PublicEventsPage'), 'PublicEventsPage');
export const PublicEventPage = lazyPage(() => import('./PublicEventPage'), 'PublicEventPage');
export const EventsAdminPage = lazyPage(() => import('./EventsAdminPage'), 'EventsAdminPage');
export const EventEditPage = lazyPage(() => import('./EventEditPage'), 'EventEditPage');

/** The public site's event pages (no login; listed in ../index.ts). */
export const eventsPublicPages: readonly FeaturePage[] = [
  { path: 'eventi', page: PublicEventsPage, prefetch: prefetchPublicEvents },
  { path: 'eventi/:slug', page: PublicEventPage },
];
/** The organisers' pages. */
export const eventsPages: readonly FeaturePage[] = [
  { path: 'eventi-gestione', page: EventsAdminPage, permission: Permission.eventsManage },
  { path: 'eventi-gestione/nuovo', page: EventEditPage, permission: Permission.eventsManage },
  { path: 'eventi-gestione/:eventId', page: EventEditPage, permission: Permission.eventsManage },
];
export const eventsMenu: readonly FeatureMenuItem[] = [
  { to: '/eventi-gestione', labelKey: 'events.events.menu', permission: Permission.eventsManage },
];
