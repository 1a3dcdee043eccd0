import { lazyPage } from '../../lib/lazyPage';

export const ProfilePage = lazyPage(() => import('./ProfilePage'), 'ProfilePage');
