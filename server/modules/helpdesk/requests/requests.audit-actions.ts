import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the help desk's requests (entity types are in ../shared/audit-actions.ts). */
export const requestsAuditActions = defineAuditActions({
  actions: [
    'helpdesk.request.open',
    'helpdesk.request.assign',
    'helpdesk.request.message',
    'helpdesk.request.note',
    'helpdesk.request.resolve',
    'helpdesk.request.close',
    'helpdesk.request.reopen',
    'helpdesk.request.rate',
    'helpdesk.request.escalate',
    'helpdesk.escalation.acknowledge',
    'helpdesk.document.upload',
    'helpdesk.document.read',
  ],
  entityTypes: [],
});

type RequestsAuditAction = (typeof requestsAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<RequestsAuditAction, true> {}
}
