import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' monitoring. */
export const monitoringErrors = defineErrors({
  'projects.monitoring.not_found': 'not_found',
  // one scheda per project and quarter
  'projects.monitoring.duplicate': 'conflict',
  // an approved scheda is locked for ever
  'projects.monitoring.locked': 'conflict',
  // the review level does not match the scheda's state (ANCI reviews INVIATA, MLPS VALIDATA_ANCI)
  'projects.monitoring.not_your_level': 'forbidden',
});

type MonitoringErrors = typeof monitoringErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends MonitoringErrors {}
}
