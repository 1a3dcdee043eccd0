import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const NetworksPage = lazyPage(() => import('./NetworksPage'), 'NetworksPage');
export const NetworkPage = lazyPage(() => import('./NetworkPage'), 'NetworkPage');
export const NewMeetingPage = lazyPage(() => import('./MeetingPage'), 'NewMeetingPage');
export const MeetingPage = lazyPage(() => import('./MeetingPage'), 'MeetingPage');
export const FollowUpsPage = lazyPage(() => import('./FollowUpsPage'), 'FollowUpsPage');

/** The pages of the plans' networks (listed in ../index.ts). */
export const networksPages: readonly FeaturePage[] = [
  { path: 'reti', page: NetworksPage, permission: Permission.plansNetworksRead },
  { path: 'reti/:networkId', page: NetworkPage, permission: Permission.plansNetworksRead },
  { path: 'incontri/nuovo', page: NewMeetingPage, permission: Permission.plansNetworksEdit },
  { path: 'incontri/:meetingId', page: MeetingPage, permission: Permission.plansNetworksRead },
  { path: 'impegni', page: FollowUpsPage, permission: Permission.plansNetworksRead },
];
export const networksMenu: readonly FeatureMenuItem[] = [
  { to: '/reti', labelKey: 'plans.networks.menu', permission: Permission.plansNetworksRead },
  { to: '/impegni', labelKey: 'plans.networks.mine.menu', permission: Permission.plansNetworksRead },
];
