import { defineAuditActions } from '../../../platform/audit-actions.js';

/** The audit actions of good practices and case studies: every write (created, changed, sent, returned, published). */
export const practicesAuditActions = defineAuditActions({
  actions: [
    'knowledge.practice.create',
    'knowledge.practice.update',
    'knowledge.practice.submit',
    'knowledge.practice.return',
    'knowledge.practice.publish',
    'knowledge.case_study.create',
    'knowledge.case_study.update',
    'knowledge.case_study.submit',
    'knowledge.case_study.return',
    'knowledge.case_study.publish',
  ],
  entityTypes: ['kn_practice', 'kn_case_study'],
});

type PracticesAuditAction = (typeof practicesAuditActions.actions)[number];
type PracticesAuditEntityType = (typeof practicesAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<PracticesAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<PracticesAuditEntityType, true> {}
}
