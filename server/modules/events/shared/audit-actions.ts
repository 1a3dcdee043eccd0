import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The entities of the events module in the audit trail; each part declares its actions in `<part>.audit-actions.ts`. */
export const eventsAuditActions = defineAuditActions({
  actions: [],
  entityTypes: ['evt_event', 'evt_registration'],
});

type EventsAuditAction = (typeof eventsAuditActions.actions)[number];
type EventsAuditEntityType = (typeof eventsAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<EventsAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<EventsAuditEntityType, true> {}
}
