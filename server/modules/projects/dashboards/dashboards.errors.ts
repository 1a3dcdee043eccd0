import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' dashboards. */
export const dashboardsErrors = defineErrors({
  // the Comune's dashboard needs an actor of a Comune (their organisation names one)
  'projects.dashboards.no_comune': 'forbidden',
});

type DashboardsErrors = typeof dashboardsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends DashboardsErrors {}
}
