import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of the plans' networks (the minutes' upload and reads are audited by ../shared/documents.ts). */
export const networksAuditActions = defineAuditActions({
  actions: [
    'plans.network.create',
    'plans.network.update',
    'plans.network.member_set',
    'plans.network.member_remove',
    'plans.meeting.create',
    'plans.meeting.update',
    'plans.meeting.minutes',
    'plans.follow_up.create',
    'plans.follow_up.update',
  ],
  entityTypes: [],
});

type NetworksAuditAction = (typeof networksAuditActions.actions)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<NetworksAuditAction, true> {}
}
