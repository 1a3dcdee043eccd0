import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' expenses. */
export const expensesErrors = defineErrors({});

type ExpensesErrors = typeof expensesErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ExpensesErrors {}
}
