import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the projects' calls (the module's reading permission is in ../shared/policy.ts). */
export const callsPermissions = definePolicy({});

type CallsPermission = (typeof callsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<CallsPermission, true> {}
}
