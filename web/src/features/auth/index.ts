export { LoginPage } from './LoginPage';
export { logout } from './api/logout';
