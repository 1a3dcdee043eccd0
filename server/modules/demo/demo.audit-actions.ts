import { defineAuditActions } from '../../platform/audit-actions.js';

/** What the demo data writes to the audit trail: one row per seeding of the accounts and of the pilot. */
export const demoAuditActions = defineAuditActions({ actions: ['demo.seed', 'demo.pilot_seed'] });

type DemoAuditAction = (typeof demoAuditActions.actions)[number];
declare module '../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<DemoAuditAction, true> {}
}
