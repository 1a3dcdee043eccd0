import { definePolicy, roles } from '../../platform/policy.js';

/** Accounts: everyone manages their own profile, the administrator manages users. */
export const accessPermissions = definePolicy({
  'profile.manage': roles,
  'users.manage': ['amministratore'],
});

type AccessPermission = (typeof accessPermissions)[number];
declare module '../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<AccessPermission, true> {}
}
