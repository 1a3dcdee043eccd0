import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const MonitoringListPage = lazyPage(() => import('./MonitoringListPage'), 'MonitoringListPage');
export const MonitoringReportPage = lazyPage(() => import('./MonitoringReportPage'), 'MonitoringReportPage');

/** The pages of the projects' monitoring (listed in ../index.ts). */
export const monitoringPages: readonly FeaturePage[] = [
  { path: 'progetti/:projectId/monitoraggio', page: MonitoringListPage, permission: Permission.projectsMonitoringRead },
  {
    path: 'progetti/:projectId/monitoraggio/:reportId',
    page: MonitoringReportPage,
    permission: Permission.projectsMonitoringRead,
  },
];
// reached from a project's tabs
export const monitoringMenu: readonly FeatureMenuItem[] = [];
