import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const MessagesLogPage = lazyPage(() => import('./MessagesLogPage'), 'MessagesLogPage');
export const PhoneListPage = lazyPage(() => import('./PhoneListPage'), 'PhoneListPage');

/** Whoever runs waves, or follows the surveys' progress (a Regione: its own Comuni). */
const follow = [Permission.surveysWavesManage, Permission.surveysRead] as const;

/** The pages of this part of the surveys feature (listed in ../index.ts). */
export const messagesPages: readonly FeaturePage[] = [
  { path: 'indagini/rilevazioni/:waveId/messaggi', page: MessagesLogPage, permission: follow },
  { path: 'indagini/rilevazioni/:waveId/contatti-telefonici', page: PhoneListPage, permission: follow },
];
export const messagesPublicPages: readonly FeaturePage[] = [];
// reached from a wave's page (the waves part's menu leads there)
export const messagesMenu: readonly FeatureMenuItem[] = [];
