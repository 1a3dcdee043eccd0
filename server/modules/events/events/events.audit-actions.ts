import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the events' events: every write on an event (created, changed, published, cancelled, concluded by the job). */
export const eventsPartAuditActions = defineAuditActions({
  actions: [
    'events.event.create',
    'events.event.update',
    'events.event.publish',
    'events.event.cancel',
    'events.event.conclude',
  ],
  entityTypes: [],
});

type EventsPartAuditAction = (typeof eventsPartAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<EventsPartAuditAction, true> {}
}
