import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' dialogue. */
export const dialogueErrors = defineErrors({
  'plans.dialogue.not_found': 'not_found',
});

type DialogueErrors = typeof dialogueErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends DialogueErrors {}
}
