import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the projects' dashboards (the module's reading permission is in ../shared/policy.ts). */
export const dashboardsPermissions = definePolicy({});

type DashboardsPermission = (typeof dashboardsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<DashboardsPermission, true> {}
}
