import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { eventsMenu, eventsPages, eventsPublicPages } from './events/pages';
import { attendanceMenu, attendancePages, attendancePublicPages } from './attendance/pages';
import { registrationsMenu, registrationsPages, registrationsPublicPages } from './registrations/pages';
import { feedbackPages, feedbackPublicPages } from './feedback/pages';

/**
 * Events of InCaS plus (issue 14): the workshops, webinars and national conference with their
 * public pages (events), registration and the waitlist (registrations), check-in, attendance and
 * certificates (attendance), the feedback questionnaire (feedback). Each part lists its own pages; its words are under
 * `events.<part>.*`, the shared ones (kinds, states) under `events.common.*`.
 */
export const eventsFeature: FeatureDefinition = {
  name: 'events',
  publicPages: [...eventsPublicPages, ...registrationsPublicPages, ...attendancePublicPages, ...feedbackPublicPages],
  pages: [...eventsPages, ...registrationsPages, ...attendancePages, ...feedbackPages],
  menu: [...eventsMenu, ...registrationsMenu, ...attendanceMenu],
};

/** The next published events, for the public site's home (composed in by app/router.tsx). */
export const UpcomingEvents = lazyPage<'UpcomingEvents', { headingLevel?: 3 | 4 }>(
  () => import('./events/UpcomingEvents'),
  'UpcomingEvents',
);
export { prefetchUpcomingEvents } from './events/api/events';
