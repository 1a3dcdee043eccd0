import { definePolicy } from '../../../platform/policy.js';

/**
 * Who reads the local plans (issue 13; domain.md §7.4): the Comune's referente (its own plan),
 * the Region (its own Comuni's: row-level security), ANCI/Cittalia and MLPS (all). The
 * responsabile amministrativo, the operatori and the revisore have no part in them. Each part
 * declares what else may be done in its own `<part>.policy.ts`.
 */
export const plansPermissions = definePolicy({
  'plans.read': ['referente_comunale', 'regione', 'assistenza_tecnica', 'mlps'],
  // the plan, its actions, indicators and monitorings: the Comune's referente only (plans/, actions/)
  'plans.edit': ['referente_comunale'],
});

type PlansPermission = (typeof plansPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<PlansPermission, true> {}
}
