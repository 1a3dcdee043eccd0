import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the publications (the shared ones, stale and state, are in ../shared/errors.ts). */
export const publicationsErrors = defineErrors({
  // a publication that does not exist, or one the actor may not see (a draft for the public)
  'knowledge.publications.not_found': 'not_found',
  // a version number the publication does not have (or not yet public)
  'knowledge.publications.version_not_found': 'not_found',
  // an uploaded file refused by its content: not a PDF, a wrong extension, scripts or attachments
  'knowledge.publications.file_refused': 'invalid',
  // an uploaded file over the documents' size limit
  'knowledge.publications.file_too_large': 'too_large',
  // a publication with no version yet cannot be published
  'knowledge.publications.no_version': 'conflict',
  // the version fails the accessibility check and no reason for the exception was given (context.issues)
  'knowledge.publications.inaccessible': 'conflict',
});

type PublicationsErrors = typeof publicationsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends PublicationsErrors {}
}
