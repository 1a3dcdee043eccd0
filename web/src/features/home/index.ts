import { lazyPage } from '../../lib/lazyPage';

export const HomePage = lazyPage(() => import('./HomePage'), 'HomePage');
