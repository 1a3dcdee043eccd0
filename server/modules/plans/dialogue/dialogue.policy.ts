import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the plans' dialogue (issue 13): the threads between a Region and its Comuni (ANCI/Cittalia and the regional ANCI branch may join), with attachments, mentions, due dates and e-mail notifications. */
export const dialoguePermissions = definePolicy({
  'plans.dialogue.read': ['referente_comunale', 'regione', 'assistenza_tecnica'],
  'plans.dialogue.write': ['referente_comunale', 'regione', 'assistenza_tecnica'],
});

type DialoguePermission = (typeof dialoguePermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<DialoguePermission, true> {}
}
