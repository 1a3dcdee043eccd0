import type { FeatureDefinition } from '../../lib/feature';
import { LoginPage } from './LoginPage';

export { LoginPage } from './LoginPage';
export { logout } from './api/logout';

export const authFeature: FeatureDefinition = {
  name: 'auth',
  publicPages: [{ path: 'login', page: LoginPage }],
};
