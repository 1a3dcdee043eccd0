import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' dashboards. */
export const dashboardsErrors = defineErrors({});

type DashboardsErrors = typeof dashboardsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends DashboardsErrors {}
}
