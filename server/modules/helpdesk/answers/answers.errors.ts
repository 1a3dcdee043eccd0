import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the knowledge base (the shared ones are in ../shared/errors.ts). */
export const answersErrors = defineErrors({
  // an entry that does not exist, or a draft for someone not of the help desk
  'helpdesk.answer.not_found': 'not_found',
  // the check found what looks like the Comune's or a person's details: rewrite, or confirm (context.warnings)
  'helpdesk.answer.personal_data': 'conflict',
});

type AnswersErrors = typeof answersErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends AnswersErrors {}
}
