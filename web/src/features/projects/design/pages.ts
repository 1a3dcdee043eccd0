import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const ProjectsPage = lazyPage(() => import('./ProjectsPage'), 'ProjectsPage');
const ProjectCreatePage = lazyPage(() => import('./ProjectCreatePage'), 'ProjectCreatePage');
const ProjectPage = lazyPage(() => import('./ProjectPage'), 'ProjectPage');
const BudgetPage = lazyPage(() => import('./BudgetPage'), 'BudgetPage');

/**
 * The pages of the projects' design (listed in ../index.ts): the list, a new project (the Comune's
 * staff), a project with its logical framework, activities and indicators, and its budget.
 */
export const designPages: readonly FeaturePage[] = [
  { path: 'progetti', page: ProjectsPage, permission: Permission.projectsRead },
  { path: 'progetti/nuovo', page: ProjectCreatePage, permission: Permission.projectsDesignWrite },
  { path: 'progetti/:projectId', page: ProjectPage, permission: Permission.projectsRead },
  { path: 'progetti/:projectId/budget', page: BudgetPage, permission: Permission.projectsRead },
];
export const designMenu: readonly FeatureMenuItem[] = [
  { to: '/progetti', labelKey: 'projects.design.nav', permission: Permission.projectsRead },
];
