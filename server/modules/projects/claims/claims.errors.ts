import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' claims (decision 0051). */
export const claimsErrors = defineErrors({
  // a claim the actor cannot see (another project's, a draft for the revisore, outside the period)
  'projects.claims.not_found': 'not_found',
  // an expense that cannot enter the claim (context.expenses: id and reason)
  'projects.claims.expense': 'conflict',
  // a claim sent without expenses
  'projects.claims.empty': 'conflict',
  // the transition is not one this role may take from this state (context.status, allowed)
  'projects.claims.transition': 'forbidden',
  // the note a transition needs (a request for integrations, counter-arguments)
  'projects.claims.note_required': 'invalid',
  // an amount beyond what it may be (approved beyond verified, paid beyond approved)
  'projects.claims.amount': 'invalid',
  // a new version already exists for this claim
  'projects.claims.version_exists': 'conflict',
  // the verification does not fit the rules of its outcome (eligible amount, reasons)
  'projects.claims.verification': 'invalid',
  // the verbale needs every expense verified (context.missing) or MLPS needs the verbale
  'projects.claims.verbale': 'conflict',
  // an expense that is not in the claim
  'projects.claims.expense_not_found': 'not_found',
  // the assignment of a revisore that does not exist on this project
  'projects.revisori.not_found': 'not_found',
  // the user chosen does not hold the revisore role
  'projects.revisori.not_revisore': 'invalid',
  // an assignment already revoked
  'projects.revisori.revoked': 'conflict',
});

type ClaimsErrors = typeof claimsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ClaimsErrors {}
}
