import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' design. */
export const designErrors = defineErrors({
  // the CUP does not have the shape of a Codice Unico di Progetto (context.reason)
  'projects.cup.invalid': 'invalid',
  // another project already has this CUP
  'projects.cup.duplicate': 'conflict',
  // the budget breaks the call's caps or co-financing (context.checks: the Italian messages)
  'projects.budget.caps': 'invalid',
  // the lines of a proposed, approved or rejected budget version never change
  'projects.budget.frozen': 'conflict',
  // a rimodulazione is already being edited or waits for MLPS
  'projects.budget.open_version': 'conflict',
  'projects.budget_version.not_found': 'not_found',
  'projects.logframe.not_found': 'not_found',
  'projects.activity.not_found': 'not_found',
  'projects.indicator.not_found': 'not_found',
  // the project cannot be presented yet (context.missing: general_objective, activities, budget)
  'projects.project.incomplete': 'invalid',
  // a partner still has budget lines in the version being edited
  'projects.partner.in_use': 'conflict',
  // an item still has children, activities or indicators under it
  'projects.item.in_use': 'conflict',
});

type DesignErrors = typeof designErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends DesignErrors {}
}
