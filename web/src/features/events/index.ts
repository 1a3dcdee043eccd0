import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { eventsMenu, eventsPages, eventsPublicPages } from './events/pages';
import { attendanceMenu, attendancePages, attendancePublicPages } from './attendance/pages';
import { registrationsMenu, registrationsPages, registrationsPublicPages } from './registrations/pages';

/**
 * Events of InCaS plus (issue 14): the workshops, webinars and national conference with their
 * public pages (events), registration and the waitlist (registrations), check-in, attendance and
 * certificates (attendance). Each part lists its own pages; its words are under
 * `events.<part>.*`, the shared ones (kinds, states) under `events.common.*`.
 */
export const eventsFeature: FeatureDefinition = {
  name: 'events',
  publicPages: [...eventsPublicPages, ...registrationsPublicPages, ...attendancePublicPages],
  pages: [...eventsPages, ...registrationsPages, ...attendancePages],
  menu: [...eventsMenu, ...registrationsMenu, ...attendanceMenu],
};

/** The next published events, for the public site's home (composed in by app/router.tsx). */
export const UpcomingEvents = lazyPage<'UpcomingEvents', { headingLevel?: 3 | 4 }>(
  () => import('./events/UpcomingEvents'),
  'UpcomingEvents',
);
export { prefetchUpcomingEvents } from './events/api/events';
