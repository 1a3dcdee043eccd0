import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const ExpensesPage = lazyPage(() => import('./ExpensesPage'), 'ExpensesPage');
const ExpenseFormPage = lazyPage(() => import('./ExpenseFormPage'), 'ExpenseFormPage');
const ExpenseImportPage = lazyPage(() => import('./ExpenseImportPage'), 'ExpenseImportPage');

/**
 * The pages of the projects' expenses (listed in ../index.ts): a project's expenses with the totals
 * per budget line, one expense (new or recorded) with its documents and state, the import of an
 * expense register. Reached from the project's tabs, so no menu entry.
 */
export const expensesPages: readonly FeaturePage[] = [
  { path: 'progetti/:projectId/spese', page: ExpensesPage, permission: Permission.projectsRead },
  { path: 'progetti/:projectId/spese/nuova', page: ExpenseFormPage, permission: Permission.projectsExpensesWrite },
  { path: 'progetti/:projectId/spese/importa', page: ExpenseImportPage, permission: Permission.projectsExpensesWrite },
  { path: 'progetti/:projectId/spese/:expenseId', page: ExpenseFormPage, permission: Permission.projectsRead },
];
export const expensesMenu: readonly FeatureMenuItem[] = [];
