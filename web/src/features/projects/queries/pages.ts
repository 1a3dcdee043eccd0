import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const ProjectQueriesPage = lazyPage(() => import('./ProjectQueriesPage'), 'ProjectQueriesPage');
export const QueryWorkListPage = lazyPage(() => import('./QueryWorkListPage'), 'QueryWorkListPage');

/** The pages of the projects' queries (listed in ../index.ts). */
export const queriesPages: readonly FeaturePage[] = [
  { path: 'progetti/:projectId/chiarimenti', page: ProjectQueriesPage, permission: Permission.projectsQueriesRead },
  { path: 'chiarimenti', page: QueryWorkListPage, permission: Permission.projectsQueriesRead },
];
export const queriesMenu: readonly FeatureMenuItem[] = [
  { to: '/chiarimenti', labelKey: 'projects.queries.menu', permission: Permission.projectsQueriesRead },
];
