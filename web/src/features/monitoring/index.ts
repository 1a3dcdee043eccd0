import { lazyPage } from '../../lib/lazyPage';

export const ComparativePage = lazyPage(() => import('./ComparativePage'), 'ComparativePage');
export const BudgetPage = lazyPage(() => import('./BudgetPage'), 'BudgetPage');
export const IssuesPage = lazyPage(() => import('./IssuesPage'), 'IssuesPage');
// The home page's work list: app/ places it on the home page.
export const TasksPanel = lazyPage(() => import('./TasksPanel'), 'TasksPanel');
