import { defineAuditActions } from '../../../platform/audit-actions.js';

/**
 * The audit actions of the publications: every write (created, changed, a version uploaded, published
 * — with the reason when an inaccessible version is published anyway —, withdrawn, a wave's report
 * published in one step).
 */
export const publicationsAuditActions = defineAuditActions({
  actions: [
    'knowledge.publication.create',
    'knowledge.publication.update',
    'knowledge.publication.upload',
    'knowledge.publication.publish',
    'knowledge.publication.withdraw',
    'knowledge.publication.survey_report',
  ],
  entityTypes: ['kno_publication'],
});

type PublicationsAuditAction = (typeof publicationsAuditActions.actions)[number];
type PublicationsAuditEntityType = (typeof publicationsAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<PublicationsAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<PublicationsAuditEntityType, true> {}
}
