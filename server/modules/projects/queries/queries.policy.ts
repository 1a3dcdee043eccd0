import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the projects' queries (the module's reading permission is in ../shared/policy.ts). */
export const queriesPermissions = definePolicy({});

type QueriesPermission = (typeof queriesPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<QueriesPermission, true> {}
}
