import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' monitoring. */
export const monitoringErrors = defineErrors({});

type MonitoringErrors = typeof monitoringErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends MonitoringErrors {}
}
