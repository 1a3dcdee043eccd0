import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what with good practices and case studies (issue 14 item 2). Published ones are public
 * (no permission: the public routes). A Comune's referente and administrative officer write their
 * own Comune's practices and send them for review; ANCI/Cittalia's assistenza tecnica write
 * practices of any Comune (or none), review them (publish or return with a comment) and write the
 * case studies.
 */
export const practicesPermissions = definePolicy({
  'knowledge.practices.write': ['referente_comunale', 'responsabile_amministrativo', 'assistenza_tecnica'],
  'knowledge.practices.review': ['assistenza_tecnica'],
  'knowledge.case_studies.write': ['assistenza_tecnica'],
});

type PracticesPermission = (typeof practicesPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<PracticesPermission, true> {}
}
