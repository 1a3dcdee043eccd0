import { definePolicy } from '../../../platform/policy.js';

/**
 * Who reads the MLPS-funded projects (issue 12; domain.md §7.4). The lead Comune's referente and
 * responsabile amministrativo, ANCI/Cittalia (assistenza tecnica) and MLPS read every project they
 * reach (row-level security: a Comune its own, a Regione its own Comuni's, the national bodies
 * all); a revisore indipendente only the projects assigned to them, while the assignment is valid.
 * Each part of the module declares what else may be done in its own `<part>.policy.ts`.
 */
export const projectsPermissions = definePolicy({
  'projects.read': [
    'referente_comunale',
    'responsabile_amministrativo',
    'assistenza_tecnica',
    'mlps',
    'regione',
    'revisore',
  ],
});

type ProjectsPermission = (typeof projectsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<ProjectsPermission, true> {}
}
