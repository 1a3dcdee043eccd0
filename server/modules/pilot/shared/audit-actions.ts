import { defineAuditActions } from '../../../platform/audit-actions.js';

/**
 * What the 18-ter pilot writes to the audit trail: every change to a case file and every read that
 * exposes a beneficiary's identity (those are also listed in `identity-reads.ts`).
 */
export const pilotAuditActions = defineAuditActions({
  actions: [
    // cases
    'pilot.referral.create',
    'pilot.referral.update',
    'pilot.case.create',
    'pilot.case.list',
    'pilot.case.read',
    'pilot.case.transition',
    'pilot.case.reassign',
    'pilot.case.export',
    'pilot.member.add',
    'pilot.admission.grant',
    'pilot.admission.revoke',
    'pilot.permit.create',
    'pilot.permit.event',
    'pilot.contract.create',
    'pilot.outcome.create',
    'pilot.person.access_package',
    'pilot.import',
    // PAI, measures and budget
    'pilot.pai.create',
    'pilot.pai.read',
    'pilot.pai.update',
    'pilot.pai.transition',
    'pilot.pai.print',
    'pilot.measure.create',
    'pilot.measure.update',
    'pilot.measures.settle',
    'pilot.budget.set',
    // documents and notes
    'pilot.case.print',
    'pilot.case.notes_read',
    'pilot.case.note_add',
    'pilot.document.upload',
    'pilot.document.read',
    'pilot.document.delete',
    // work: tasks, critical issues, digest
    'pilot.task.done',
    'pilot.issue.create',
    'pilot.issue.update',
    'pilot.digest.sent',
    'pilot.digest.failed',
    // the comparative
    'pilot.comparative.read',
    'pilot.records.read',
    'pilot.extract.create',
  ],
  entityTypes: [
    'pilot_referral',
    'pilot_case',
    'pilot_case_list',
    'pilot_person',
    'pilot_permit',
    'pilot_export',
    'pilot_import',
    'pilot_pai',
    'pilot_measure',
    'pilot_budget',
    'pilot_document',
    'pilot_task',
    'pilot_issue',
    'pilot_extract',
  ],
});

export type PilotAuditAction = (typeof pilotAuditActions.actions)[number];
type PilotAuditEntityType = (typeof pilotAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<PilotAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<PilotAuditEntityType, true> {}
}
