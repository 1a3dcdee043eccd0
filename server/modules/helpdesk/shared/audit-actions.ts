import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The entities of the help desk in the audit trail; each part declares its actions in `<part>.audit-actions.ts`. */
export const helpdeskAuditActions = defineAuditActions({
  actions: [],
  entityTypes: ['hd_request', 'hd_document', 'hd_answer'],
});

type HelpdeskAuditAction = (typeof helpdeskAuditActions.actions)[number];
type HelpdeskAuditEntityType = (typeof helpdeskAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<HelpdeskAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<HelpdeskAuditEntityType, true> {}
}
