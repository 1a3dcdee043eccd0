import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const ThreadListPage = lazyPage(() => import('./ThreadListPage'), 'ThreadListPage');
export const ThreadPage = lazyPage(() => import('./ThreadPage'), 'ThreadPage');
export const PlanThreadsPage = lazyPage(() => import('./PlanThreadsPage'), 'PlanThreadsPage');

/** The pages of the plans' dialogue (listed in ../index.ts). */
export const dialoguePages: readonly FeaturePage[] = [
  { path: 'dialogo', page: ThreadListPage, permission: Permission.plansDialogueRead },
  { path: 'dialogo/:threadId', page: ThreadPage, permission: Permission.plansDialogueRead },
  { path: 'piani/:planId/dialogo', page: PlanThreadsPage, permission: Permission.plansDialogueRead },
];
export const dialogueMenu: readonly FeatureMenuItem[] = [
  { to: '/dialogo', labelKey: 'plans.dialogue.menu', permission: Permission.plansDialogueRead },
];
