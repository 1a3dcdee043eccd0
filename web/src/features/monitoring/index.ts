import { lazyPage } from '../../lib/lazyPage';

export const ComparativePage = lazyPage(() => import('./ComparativePage'), 'ComparativePage');
export const BudgetPage = lazyPage(() => import('./BudgetPage'), 'BudgetPage');
export const IssuesPage = lazyPage(() => import('./IssuesPage'), 'IssuesPage');
export { TasksPanel } from './TasksPanel';
