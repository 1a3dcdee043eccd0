import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const CoveragePage = lazyPage(() => import('./CoveragePage'), 'CoveragePage');

/** The pages of the plans' coverage (listed in ../index.ts). */
export const coveragePages: readonly FeaturePage[] = [
  { path: 'piani/copertura', page: CoveragePage, permission: Permission.plansCoverageRead },
];
export const coverageMenu: readonly FeatureMenuItem[] = [
  { to: '/piani/copertura', labelKey: 'plans.coverage.menu', permission: Permission.plansCoverageRead },
];
