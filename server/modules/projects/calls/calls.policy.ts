import { definePolicy } from '../../../platform/policy.js';

/**
 * Who configures the funding calls (issue 12 item 1): ANCI/Cittalia and MLPS write the funding
 * sources, the calls and the versions of their rules; everyone who reads projects reads the calls
 * (`projects.read`, a Comune picks one when it designs a project).
 */
export const callsPermissions = definePolicy({
  'projects.calls.manage': ['assistenza_tecnica', 'mlps'],
});

type CallsPermission = (typeof callsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<CallsPermission, true> {}
}
