import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const ResultsPage = lazyPage(() => import('./ResultsPage'), 'ResultsPage');
export const ComparisonPage = lazyPage(() => import('./ComparisonPage'), 'ComparisonPage');
export const SettlementsPage = lazyPage(() => import('./SettlementsPage'), 'SettlementsPage');
export const ReportPage = lazyPage(() => import('./ReportPage'), 'ReportPage');
const OpenDataPage = lazyPage(() => import('./OpenDataPage'), 'OpenDataPage');
export const MyResultsPage = lazyPage(() => import('./MyResultsPage'), 'MyResultsPage');

/**
 * The pages of this part of the surveys feature (listed in ../index.ts): a wave's results, its
 * comparison with another wave, its settlements, its report, and a Comune's own results compared.
 */
export const resultsPages: readonly FeaturePage[] = [
  { path: 'indagini/rilevazioni/:waveId/risultati', page: ResultsPage, permission: Permission.surveysResultsRead },
  {
    path: 'indagini/rilevazioni/:waveId/confronto',
    page: ComparisonPage,
    permission: Permission.surveysResultsRead,
  },
  {
    path: 'indagini/rilevazioni/:waveId/insediamenti',
    page: SettlementsPage,
    permission: Permission.surveysResultsRead,
  },
  { path: 'indagini/rilevazioni/:waveId/rapporto', page: ReportPage, permission: Permission.surveysResultsRead },
  // a Comune's own answers beside its Region and Italy (issue 11 item 8)
  {
    path: 'indagini/rilevazioni/:waveId/i-miei-risultati',
    page: MyResultsPage,
    permission: Permission.surveysResultsOwn,
  },
];
/** The open data released from the waves (decision 0044): public, no login. */
export const resultsPublicPages: readonly FeaturePage[] = [{ path: 'dati-aperti', page: OpenDataPage }];
// reached from a wave's page
export const resultsMenu: readonly FeatureMenuItem[] = [];
