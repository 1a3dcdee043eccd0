import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what in the projects' design (the module's reading permission is in ../shared/policy.ts).
 * The lead Comune's staff design the project and its budget (the service also checks that the
 * project is their Comune's); MLPS decides on the budget versions (the initial plan and every
 * rimodulazione).
 */
export const designPermissions = definePolicy({
  'projects.design.write': ['referente_comunale', 'responsabile_amministrativo'],
  'projects.budget.decide': ['mlps'],
});

type DesignPermission = (typeof designPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<DesignPermission, true> {}
}
