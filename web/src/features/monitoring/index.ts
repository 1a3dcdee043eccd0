import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { Permission } from '../../lib/permissions';
import { prefetchComparative } from './api/get-comparative';

export const ComparativePage = lazyPage(() => import('./ComparativePage'), 'ComparativePage');
export const BudgetPage = lazyPage(() => import('./BudgetPage'), 'BudgetPage');
export const IssuesPage = lazyPage(() => import('./IssuesPage'), 'IssuesPage');
// The home page's work list: app/ places it on the home page.
export const TasksPanel = lazyPage(() => import('./TasksPanel'), 'TasksPanel');

export const monitoringFeature: FeatureDefinition = {
  name: 'monitoring',
  pages: [
    {
      path: 'quadro-comparativo',
      page: ComparativePage,
      permission: Permission.pilotComparativeRead,
      prefetch: prefetchComparative,
    },
    { path: 'budget', page: BudgetPage, permission: Permission.pilotBudgetRead },
    { path: 'criticita', page: IssuesPage, permission: Permission.pilotIssuesRead },
  ],
  menu: [{ to: '/quadro-comparativo', labelKey: 'monitoring.nav', permission: Permission.pilotComparativeRead }],
};
