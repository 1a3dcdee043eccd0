import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the projects' design (the module's reading permission is in ../shared/policy.ts). */
export const designPermissions = definePolicy({});

type DesignPermission = (typeof designPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<DesignPermission, true> {}
}
