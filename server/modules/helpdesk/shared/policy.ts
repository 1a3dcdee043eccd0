import { definePolicy, roles } from '../../../platform/policy.js';

/**
 * Who does what at the help desk (issue 14 item 4). A Comune's staff ask and follow their own
 * Comune's requests; ANCI/Cittalia's assistenza tecnica (national scope) handle every request and
 * write the knowledge base; the published entries are read by everyone (and publicly); the figures
 * (counts of requests, no Comune named) by the help desk, MLPS and the Regions (their own Region).
 */
export const helpdeskPermissions = definePolicy({
  'helpdesk.request': ['operatore', 'referente_comunale', 'responsabile_amministrativo'],
  'helpdesk.handle': ['assistenza_tecnica'],
  // every role: the knowledge base's published entries
  'helpdesk.answers.read': roles,
  'helpdesk.figures.read': ['assistenza_tecnica', 'mlps', 'regione'],
});

type HelpdeskPermission = (typeof helpdeskPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<HelpdeskPermission, true> {}
}
