import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const SurveysPage = lazyPage(() => import('./SurveysPage'), 'SurveysPage');
const SurveyPage = lazyPage(() => import('./SurveyPage'), 'SurveyPage');
const VersionPreviewPage = lazyPage(() => import('./VersionPreviewPage'), 'VersionPreviewPage');

const readers = [Permission.surveysRead, Permission.surveysAuthor] as const;

/** The pages of this part of the surveys feature (listed in ../index.ts). */
export const authoringPages: readonly FeaturePage[] = [
  { path: 'indagini', page: SurveysPage, permission: readers },
  { path: 'indagini/versioni/:versionId', page: VersionPreviewPage, permission: readers },
  { path: 'indagini/:surveyId', page: SurveyPage, permission: readers },
];
export const authoringPublicPages: readonly FeaturePage[] = [];
export const authoringMenu: readonly FeatureMenuItem[] = [
  { to: '/indagini', labelKey: 'surveys.authoring.nav', permission: readers },
];
