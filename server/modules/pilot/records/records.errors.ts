import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the case records: documents and notes. */
export const recordsErrors = defineErrors({
  'pilot.document.not_found': 'not_found',
  // not a PDF, PNG or JPEG by its content, a name whose extension says otherwise, or a PDF with active content
  'pilot.document.type': 'unsupported',
  'pilot.document.too_large': 'too_large',
});

type RecordsErrors = typeof recordsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends RecordsErrors {}
}
