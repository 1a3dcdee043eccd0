export { UsersListPage } from './UsersListPage';
export { UserCreatePage } from './UserCreatePage';
export { UserDetailPage } from './UserDetailPage';
