import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the national surveys. */
export const surveysErrors = defineErrors({
  // authoring
  'surveys.survey.not_found': 'not_found',
  'surveys.survey.code_taken': 'conflict',
  'surveys.version.not_found': 'not_found',
  // a published version never changes; a draft that is not the latest cannot be published
  'surveys.version.published': 'conflict',
  // the XLSForm has errors: context.issues lists them as "sheet, row, column: why"
  'surveys.xlsform.invalid': 'invalid',
  // waves, access, contacts
  'surveys.wave.not_found': 'not_found',
  // the action does not fit the wave's state (launching an open wave, editing a closed one…)
  'surveys.wave.state': 'conflict',
  'surveys.wave.universe_empty': 'invalid',
  'surveys.wave.stale': 'conflict',
  // responses and review
  'surveys.response.not_found': 'not_found',
  // someone else changed these answers since the page read them: context.questions
  'surveys.response.conflict': 'conflict',
  'surveys.response.state': 'conflict',
  // answers that break a rule or required answers missing: context.issues
  'surveys.response.incomplete': 'invalid',
  'surveys.response.answer_invalid': 'invalid',
  // after a return for correction only the flagged answers may change
  'surveys.response.not_flagged': 'conflict',
  'surveys.response.declaration': 'invalid',
  'surveys.flag.not_found': 'not_found',
  'surveys.link.invalid': 'unauthenticated',
  'surveys.link.not_found': 'not_found',
  'surveys.contact.invalid': 'invalid',
  // results: a question the questionnaire does not have (or that cannot be used so); a filter
  // naming a Region or province that does not exist
  'surveys.results.question': 'invalid',
  'surveys.results.filter': 'invalid',
  // comparison across waves (decision 0043): a mapping naming a question or choice the waves'
  // questionnaires do not have (context.issues); a question named by two mappings on one side
  'surveys.comparison.mapping': 'invalid',
  'surveys.comparison.conflict': 'conflict',
  // open data (decision 0044): a question that may not be released at the level asked (free text,
  // dates, persons per Comune); a dataset not released or withdrawn; withdrawing one twice
  'surveys.opendata.question': 'invalid',
  'surveys.opendata.not_found': 'not_found',
  'surveys.opendata.withdrawn': 'conflict',
  // a Comune compares its own answers only once its response counts (sent and later)
  'surveys.results.not_counted': 'conflict',
  // invitations and reminders
  'surveys.message.not_found': 'not_found',
  // only a delivered message can bounce
  'surveys.message.state': 'conflict',
  // the instance has no SMTP relay (INCAS_SMTP_URL): nothing can be sent
  'surveys.message.no_relay': 'unavailable',
});

type SurveysErrors = typeof surveysErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends SurveysErrors {}
}
