import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const ActionsPage = lazyPage(() => import('./ActionsPage'), 'ActionsPage');
const MonitoringPage = lazyPage(() => import('./MonitoringPage'), 'MonitoringPage');

/** The pages of the plans' actions (listed in ../index.ts): a plan's actions and its monitoring, reached from the plan's tabs. */
export const actionsPages: readonly FeaturePage[] = [
  { path: 'piani/:planId/azioni', page: ActionsPage, permission: Permission.plansRead },
  { path: 'piani/:planId/monitoraggio', page: MonitoringPage, permission: Permission.plansRead },
];
export const actionsMenu: readonly FeatureMenuItem[] = [];
