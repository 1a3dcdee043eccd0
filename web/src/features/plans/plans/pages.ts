import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const PlansPage = lazyPage(() => import('./PlansPage'), 'PlansPage');
export const PlanCreatePage = lazyPage(() => import('./PlanCreatePage'), 'PlanCreatePage');
export const PlanPage = lazyPage(() => import('./PlanPage'), 'PlanPage');
export const PlanContextPage = lazyPage(() => import('./PlanContextPage'), 'PlanContextPage');
export const PlanVersionsPage = lazyPage(() => import('./PlanVersionsPage'), 'PlanVersionsPage');

/** The pages of the plans' plans (listed in ../index.ts). */
export const plansPages: readonly FeaturePage[] = [
  { path: 'piani', page: PlansPage, permission: Permission.plansRead },
  { path: 'piani/nuovo', page: PlanCreatePage, permission: Permission.plansEdit },
  { path: 'piani/:planId', page: PlanPage, permission: Permission.plansRead },
  { path: 'piani/:planId/contesto', page: PlanContextPage, permission: Permission.plansRead },
  { path: 'piani/:planId/versioni', page: PlanVersionsPage, permission: Permission.plansRead },
];
export const plansMenu: readonly FeatureMenuItem[] = [
  { to: '/piani', labelKey: 'plans.plans.menu', permission: Permission.plansRead },
];
