/** Who may be a case manager (responsabile del caso) of a Comune's case. Pure: no I/O. */
import type { FieldIssue } from '../../../platform/errors.js';

import { caseManagerRoles } from '../shared/vocab.js';

// the one list of the roles that hold cases lives with the vocabulary (the work list reads it too)
export { caseManagerRoles };

/** An account as the rule needs it (null: no account with that id). */
export interface CaseManagerCandidate {
  comuneIstat: string | null;
  status: string;
  roles: readonly string[];
}

/**
 * Why an account may not hold a case of `comune`, as a field issue on `path`, or null when it
 * may: an active account of an organisation of that Comune (the Comune or one of its bodies)
 * holding the operatore or referente role.
 */
export function caseManagerIssue(
  candidate: CaseManagerCandidate | null,
  comune: string,
  path: string,
): FieldIssue | null {
  if (!candidate || candidate.comuneIstat !== comune)
    return { path, message: 'La persona scelta non lavora per questo Comune', code: 'case_manager_other_comune' };
  if (candidate.status !== 'active')
    return { path, message: "L'account della persona scelta non è attivo", code: 'case_manager_inactive' };
  if (!candidate.roles.some((r) => (caseManagerRoles as readonly string[]).includes(r)))
    return {
      path,
      message: 'La persona scelta non ha il ruolo di operatore né di referente comunale',
      code: 'case_manager_role',
    };
  return null;
}
