import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' coverage: the XLSX export (the matrix and the uncovered priority actions). */
export const coverageAuditActions = defineAuditActions({
  actions: ['plans.coverage.export'],
  entityTypes: [],
});

type CoverageAuditAction = (typeof coverageAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<CoverageAuditAction, true> {}
}
