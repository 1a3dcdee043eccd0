import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what in the projects' claims (the module's reading permission is in ../shared/policy.ts;
 * decision 0051). The lead Comune's staff prepare, send and answer a claim; the revisore
 * indipendente verifies it and issues the verbale; MLPS approves and pays it; the Comune's
 * referente or ANCI/Cittalia assign the revisore to the project.
 */
export const claimsPermissions = definePolicy({
  'projects.claims.write': ['referente_comunale', 'responsabile_amministrativo'],
  'projects.claims.verify': ['revisore'],
  'projects.claims.decide': ['mlps'],
  'projects.revisori.assign': ['referente_comunale', 'assistenza_tecnica'],
});

type ClaimsPermission = (typeof claimsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<ClaimsPermission, true> {}
}
