import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { Permission } from '../../lib/permissions';

export const UsersListPage = lazyPage(() => import('./UsersListPage'), 'UsersListPage');
export const UserCreatePage = lazyPage(() => import('./UserCreatePage'), 'UserCreatePage');
export const UserDetailPage = lazyPage(() => import('./UserDetailPage'), 'UserDetailPage');

export const usersFeature: FeatureDefinition = {
  name: 'users',
  pages: [
    { path: 'utenti', page: UsersListPage, permission: Permission.usersManage },
    { path: 'utenti/nuovo', page: UserCreatePage, permission: Permission.usersManage },
    { path: 'utenti/:id', page: UserDetailPage, permission: Permission.usersManage },
  ],
  menu: [{ to: '/utenti', labelKey: 'nav.users', permission: Permission.usersManage }],
};
