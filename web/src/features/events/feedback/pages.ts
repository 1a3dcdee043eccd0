import type { FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const MyFeedbackPage = lazyPage(() => import('./FeedbackPage'), 'MyFeedbackPage');
export const LinkFeedbackPage = lazyPage(() => import('./FeedbackPage'), 'LinkFeedbackPage');
export const FeedbackResultsPage = lazyPage(() => import('./FeedbackResultsPage'), 'FeedbackResultsPage');

/** The pages of the events' feedback questionnaire (listed in ../index.ts). */
export const feedbackPublicPages: readonly FeaturePage[] = [{ path: 'eventi/gradimento', page: LinkFeedbackPage }];
export const feedbackPages: readonly FeaturePage[] = [
  {
    path: 'le-mie-iscrizioni/:registrationId/gradimento',
    page: MyFeedbackPage,
    permission: Permission.eventsRegister,
  },
  { path: 'eventi-gestione/:eventId/gradimento', page: FeedbackResultsPage, permission: Permission.eventsManage },
];
