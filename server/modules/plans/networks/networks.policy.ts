import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the plans' networks (issue 13): tavoli and thematic working groups, their member organisations, meetings with minutes, decisions and follow-ups on the work list, totals. */
export const networksPermissions = definePolicy({
  'plans.networks.read': ['referente_comunale', 'regione', 'assistenza_tecnica', 'mlps'],
  'plans.networks.edit': ['referente_comunale', 'regione', 'assistenza_tecnica'],
});

type NetworksPermission = (typeof networksPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<NetworksPermission, true> {}
}
