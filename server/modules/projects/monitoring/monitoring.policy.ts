import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the projects' monitoring (the module's reading permission is in ../shared/policy.ts). */
export const monitoringPermissions = definePolicy({});

type MonitoringPermission = (typeof monitoringPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<MonitoringPermission, true> {}
}
