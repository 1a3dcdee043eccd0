import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' expenses. */
export const expensesErrors = defineErrors({
  // an expense the actor cannot see (another Comune's project, not assigned) answers 404
  'projects.expense.not_found': 'not_found',
  // a field does not fit the project or the call's rules (line, activity, document type, tax id, amounts): fieldIssues
  'projects.expense.invalid': 'invalid',
  // a cash payment outside a traced petty-cash line
  'projects.expense.cash_refused': 'invalid',
  // the expense is in a claim (IN_DOMANDA) or verified (VERIFICATA): it no longer changes
  'projects.expense.locked': 'conflict',
  // the status asked needs what the expense lacks (payment proof, a document): context.missing
  'projects.expense.transition': 'conflict',
  // a file of the import that cannot be used as a whole (no rows, missing columns)
  'projects.expense.import_invalid': 'invalid',
  'projects.expense_document.not_found': 'not_found',
  // not a PDF, PNG or JPEG by content, a name with another extension, or a PDF with active content
  'projects.expense_document.type': 'unsupported',
  'projects.expense_document.too_large': 'too_large',
});

type ExpensesErrors = typeof expensesErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ExpensesErrors {}
}
