import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const DashboardPage = lazyPage(() => import('./DashboardPage'), 'DashboardPage');

const either = [Permission.projectsDashboardsNational, Permission.projectsDashboardsComune] as const;

/** The pages of the projects' dashboards (listed in ../index.ts). */
export const dashboardsPages: readonly FeaturePage[] = [
  { path: 'progetti/cruscotto', page: DashboardPage, permission: either },
];
export const dashboardsMenu: readonly FeatureMenuItem[] = [
  { to: '/progetti/cruscotto', labelKey: 'projects.dashboards.menu', permission: either },
];
