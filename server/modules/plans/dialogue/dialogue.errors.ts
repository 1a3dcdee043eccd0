import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the plans' dialogue. */
export const dialogueErrors = defineErrors({
  // a thread the actor cannot see (another Comune's, another Region's) is 404
  'plans.dialogue.not_found': 'not_found',
  // the Comune named does not exist or is out of the actor's reach (another Comune, another Region)
  'plans.dialogue.comune': 'invalid',
  // a mentioned user does not take part in the Comune's threads
  'plans.dialogue.mention': 'invalid',
});

type DialogueErrors = typeof dialogueErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends DialogueErrors {}
}
