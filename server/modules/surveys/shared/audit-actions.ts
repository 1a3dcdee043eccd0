import { defineAuditActions } from '../../../platform/audit-actions.js';

/** What the national surveys write to the audit trail. */
export const surveysAuditActions = defineAuditActions({
  actions: [
    'surveys.survey.create',
    'surveys.version.import',
    'surveys.version.publish',
    'surveys.wave.create',
    'surveys.wave.update',
    'surveys.wave.launch',
    'surveys.wave.extend',
    'surveys.wave.close',
    'surveys.response.save',
    'surveys.response.submit',
    'surveys.response.review_start',
    'surveys.response.flag',
    'surveys.response.return',
    'surveys.response.validate',
    'surveys.response.consolidate',
    'surveys.response.print',
    'surveys.link.issue',
    'surveys.link.revoke',
    'surveys.contacts.write',
    'surveys.contacts.import',
    'surveys.message.sent',
    'surveys.message.failed',
    'surveys.results.read',
    'surveys.results.export',
    'surveys.comparison.mappings',
    'surveys.opendata.release',
    'surveys.opendata.withdraw',
  ],
  entityTypes: [
    'survey',
    'survey_form_version',
    'survey_wave',
    'survey_response',
    'survey_link',
    'survey_contact',
    'survey_open_dataset',
  ],
});

type SurveysAuditAction = (typeof surveysAuditActions.actions)[number];
type SurveysAuditEntityType = (typeof surveysAuditActions.entityTypes)[number];
declare module '../../../platform/audit-actions.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActions extends Record<SurveysAuditAction, true> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditEntityTypes extends Record<SurveysAuditEntityType, true> {}
}
