import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const CallsPage = lazyPage(() => import('./CallsPage'), 'CallsPage');
const CallPage = lazyPage(() => import('./CallPage'), 'CallPage');

/** The funding calls and the versions of their rules (listed in ../index.ts). */
export const callsPages: readonly FeaturePage[] = [
  { path: 'bandi', page: CallsPage, permission: Permission.projectsRead },
  { path: 'bandi/:callId', page: CallPage, permission: Permission.projectsRead },
];
export const callsMenu: readonly FeatureMenuItem[] = [
  { to: '/bandi', labelKey: 'projects.calls.menu', permission: Permission.projectsCallsManage },
];
