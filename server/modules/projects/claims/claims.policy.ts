import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the projects' claims (the module's reading permission is in ../shared/policy.ts). */
export const claimsPermissions = definePolicy({});

type ClaimsPermission = (typeof claimsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<ClaimsPermission, true> {}
}
