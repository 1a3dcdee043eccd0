import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the projects' expenses write to the audit trail (entity types are in ../shared/audit-actions.ts). */
export const expensesAuditActions = defineAuditActions({
  actions: [
    'projects.expense.create',
    'projects.expense.update',
    'projects.expense.delete',
    'projects.expense.status',
    'projects.expense.import',
    'projects.expense_document.upload',
    'projects.expense_document.read',
    'projects.expense_document.delete',
  ],
});

type ExpensesAuditAction = (typeof expensesAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<ExpensesAuditAction, true> {}
}
