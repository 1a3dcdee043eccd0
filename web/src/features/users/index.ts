import { lazyPage } from '../../lib/lazyPage';

export const UsersListPage = lazyPage(() => import('./UsersListPage'), 'UsersListPage');
export const UserCreatePage = lazyPage(() => import('./UserCreatePage'), 'UserCreatePage');
export const UserDetailPage = lazyPage(() => import('./UserDetailPage'), 'UserDetailPage');
