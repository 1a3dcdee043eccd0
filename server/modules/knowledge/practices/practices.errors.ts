import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the good practices and case studies (the shared stale/state ones are in ../shared/errors.ts). */
export const practicesErrors = defineErrors({
  // a practice that does not exist or that the actor may not see (a draft of another Comune)
  'knowledge.practice.not_found': 'not_found',
  // a case study that does not exist or is not published (for whoever may not see drafts)
  'knowledge.case_study.not_found': 'not_found',
});

type PracticesErrors = typeof practicesErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends PracticesErrors {}
}
