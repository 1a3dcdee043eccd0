import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what in the projects' monitoring (issue 12, item 6; decision 0052). The lead Comune's
 * staff write and submit the scheda trimestrale; ANCI/Cittalia (assistenza tecnica) review it
 * first, MLPS second; a Regione reads its own Comuni's. The revisore indipendente has no part in
 * monitoring (their work is the verification of claims) and does not read it.
 */
export const monitoringPermissions = definePolicy({
  'projects.monitoring.read': [
    'referente_comunale',
    'responsabile_amministrativo',
    'assistenza_tecnica',
    'mlps',
    'regione',
  ],
  'projects.monitoring.write': ['referente_comunale', 'responsabile_amministrativo'],
  'projects.monitoring.review': ['assistenza_tecnica', 'mlps'],
});

type MonitoringPermission = (typeof monitoringPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<MonitoringPermission, true> {}
}
