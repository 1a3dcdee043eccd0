import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';

export const ProfilePage = lazyPage(() => import('./ProfilePage'), 'ProfilePage');

export const profileFeature: FeatureDefinition = {
  name: 'profile',
  pages: [{ path: 'profilo', page: ProfilePage }],
  menu: [{ to: '/profilo', labelKey: 'nav.profile' }],
};
