import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the plans' coverage (issue 13): the national coverage matrix Comuni × axes × priority actions, the map, the uncovered priority actions, XLSX. */
export const coveragePermissions = definePolicy({
  'plans.coverage.read': ['regione', 'assistenza_tecnica', 'mlps'],
});

type CoveragePermission = (typeof coveragePermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<CoveragePermission, true> {}
}
