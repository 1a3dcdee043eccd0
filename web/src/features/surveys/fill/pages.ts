import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const MyQuestionnairesPage = lazyPage(() => import('./MyQuestionnairesPage'), 'MyQuestionnairesPage');
const FillPage = lazyPage(() => import('./FillPage'), 'FillPage');
const ReviewPage = lazyPage(() => import('./ReviewPage'), 'ReviewPage');
const ReviewQueuePage = lazyPage(() => import('./ReviewQueuePage'), 'ReviewQueuePage');
const LinkPage = lazyPage(() => import('./LinkPage'), 'LinkPage');

/** The pages of this part of the surveys feature (listed in ../index.ts). */
export const fillPages: readonly FeaturePage[] = [
  { path: 'questionari', page: MyQuestionnairesPage, permission: Permission.surveysResponseFill },
  {
    path: 'questionari/:responseId',
    page: FillPage,
    permission: [Permission.surveysResponseFill, Permission.surveysReview, Permission.surveysRead],
  },
  {
    path: 'indagini/risposte/:responseId',
    page: ReviewPage,
    permission: [Permission.surveysReview, Permission.surveysRead],
  },
  { path: 'indagini/rilevazioni/:waveId/verifica', page: ReviewQueuePage, permission: Permission.surveysReview },
];
/** A Comune without an account opens its questionnaire by its personal link. */
export const fillPublicPages: readonly FeaturePage[] = [{ path: 'q', page: LinkPage }];
export const fillMenu: readonly FeatureMenuItem[] = [
  { to: '/questionari', labelKey: 'surveys.fill.nav', permission: Permission.surveysResponseFill },
];
