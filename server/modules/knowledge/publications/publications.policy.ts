import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what with publications (issue 14 item 3; PRODUCT.md §2.6). Published ones are public
 * (no permission: the public library's routes). ANCI/Cittalia's assistenza tecnica manage them:
 * drafts, metadata, versions, publication, withdrawal, a wave's report published in one step; MLPS
 * reads every one, drafts included, with the result of each version's accessibility check.
 */
export const publicationsPermissions = definePolicy({
  'knowledge.publications.manage': ['assistenza_tecnica'],
  'knowledge.publications.read': ['assistenza_tecnica', 'mlps'],
});

type PublicationsPermission = (typeof publicationsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<PublicationsPermission, true> {}
}
