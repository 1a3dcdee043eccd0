import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';

// A chunk of its own like every page: its form brings the schema-form layer (Zod, react-hook-form),
// which the shell does not need.
export const LoginPage = lazyPage(() => import('./LoginPage'), 'LoginPage');
export { logout } from './api/logout';
// the login in place when a session ends, and the watch on the other tabs (decision 0024)
export { SessionGate } from './SessionGate';

export const authFeature: FeatureDefinition = {
  name: 'auth',
  publicPages: [{ path: 'login', page: LoginPage }],
};
