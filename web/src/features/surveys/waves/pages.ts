import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const WaveCreatePage = lazyPage(() => import('./WaveCreatePage'), 'WaveCreatePage');
const WavePage = lazyPage(() => import('./WavePage'), 'WavePage');

/**
 * The pages of this part of the surveys feature (listed in ../index.ts): a new wave of a survey
 * (the authoring pages link to it from /indagini/:surveyId) and a wave with its funnel, its Comuni
 * and each Comune's access.
 */
export const wavesPages: readonly FeaturePage[] = [
  { path: 'indagini/:surveyId/rilevazioni/nuova', page: WaveCreatePage, permission: Permission.surveysWavesManage },
  {
    path: 'indagini/rilevazioni/:waveId',
    page: WavePage,
    permission: [Permission.surveysRead, Permission.surveysWavesManage, Permission.surveysReview],
  },
];
export const wavesPublicPages: readonly FeaturePage[] = [];
export const wavesMenu: readonly FeatureMenuItem[] = [];
