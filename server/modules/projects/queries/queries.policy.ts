import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what in the projects' query threads (issue 12, item 7; decision 0052). ANCI/Cittalia
 * and MLPS open a query on a line of a project, reply and resolve it; the lead Comune's staff
 * answer; a Regione reads its own Comuni's threads. The revisore indipendente has no part in them.
 */
export const queriesPermissions = definePolicy({
  'projects.queries.read': [
    'referente_comunale',
    'responsabile_amministrativo',
    'assistenza_tecnica',
    'mlps',
    'regione',
  ],
  'projects.queries.open': ['assistenza_tecnica', 'mlps'],
  'projects.queries.answer': ['referente_comunale', 'responsabile_amministrativo'],
});

type QueriesPermission = (typeof queriesPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<QueriesPermission, true> {}
}
