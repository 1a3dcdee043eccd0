import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what in the projects' expenses (the module's reading permission is in ../shared/policy.ts).
 * The lead Comune's staff record the expenses and their documents; the responsabile amministrativo
 * validates them (the referente records, the administrative officer checks: decision 0050). The
 * documents (invoices, payslips, quietanze) are read by the Comune's staff, the revisore assigned
 * to the project, ANCI/Cittalia and MLPS — never by the Regione, which sees the figures only.
 */
export const expensesPermissions = definePolicy({
  'projects.expenses.write': ['referente_comunale', 'responsabile_amministrativo'],
  'projects.expenses.validate': ['responsabile_amministrativo'],
  'projects.documents.read': [
    'referente_comunale',
    'responsabile_amministrativo',
    'revisore',
    'assistenza_tecnica',
    'mlps',
  ],
});

type ExpensesPermission = (typeof expensesPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<ExpensesPermission, true> {}
}
