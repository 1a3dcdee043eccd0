import { definePolicy } from '../../../platform/policy.js';

/** Who does what in the projects' expenses (the module's reading permission is in ../shared/policy.ts). */
export const expensesPermissions = definePolicy({});

type ExpensesPermission = (typeof expensesPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<ExpensesPermission, true> {}
}
