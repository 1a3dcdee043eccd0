/**
 * One error type for the whole application. Domain code throws `AppError` with a stable code;
 * the HTTP layer maps the code's kind to a status and writes RFC 9457 problem+json.
 */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'too_large' // 413
  | 'unsupported' // 415
  | 'too_many' // 429
  | 'internal' // 500
  | 'unavailable'; // 503

export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  too_many: 429,
  internal: 500,
  unavailable: 503,
};

/** Every stable error code the API can answer with, and its kind. */
export const errorCodes = {
  'request.invalid': 'invalid',
  'request.malformed': 'invalid',
  'request.too_large': 'too_large',
  'request.unsupported_media_type': 'unsupported',
  internal: 'internal',
  'auth.required': 'unauthenticated',
  'auth.invalid_credentials': 'unauthenticated',
  'auth.totp_required': 'unauthenticated',
  'auth.totp_invalid': 'unauthenticated',
  'auth.locked': 'too_many',
  'auth.totp_enrolment_required': 'forbidden',
  'auth.wrong_password': 'invalid',
  'auth.totp_not_pending': 'conflict',
  'csrf.invalid': 'forbidden',
  'origin.invalid': 'forbidden',
  'rate.limited': 'too_many',
  forbidden: 'forbidden',
  'route.not_found': 'not_found',
  'comune.not_found': 'not_found',
  'organisation.not_found': 'not_found',
  'organisation.invalid_place': 'invalid',
  'organisation.duplicate': 'conflict',
  'user.role_not_allowed': 'invalid',
  'user.not_found': 'not_found',
  'user.email_taken': 'conflict',
  'user.cannot_disable_self': 'conflict',
  'region.not_found': 'not_found',
  'database.unavailable': 'unavailable',
  'pdf.busy': 'unavailable',
  'pdf.timeout': 'unavailable',
  'pilot.not_in_comune': 'forbidden',
  'pilot.case.not_found': 'not_found',
  'pilot.person.not_found': 'not_found',
  'pilot.referral.not_found': 'not_found',
  'pilot.permit.not_found': 'not_found',
  'pilot.pai.not_found': 'not_found',
  'pilot.measure.not_found': 'not_found',
  'pilot.issue.not_found': 'not_found',
  'pilot.task.not_found': 'not_found',
  'pilot.invalid': 'invalid',
  'pilot.invalid_transition': 'conflict',
  'pilot.not_eligible': 'conflict',
  'pilot.duplicate_person': 'conflict',
  'pilot.budget_exceeded': 'conflict',
  'pilot.budget_missing': 'conflict',
  'pilot.pai_exists': 'conflict',
  'pilot.pai_locked': 'conflict',
  'pilot.stale': 'conflict',
  'pilot.import_invalid': 'invalid',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldIssues: FieldIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { fieldIssues?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = statusOfKind[errorCodes[code]];
    this.fieldIssues = opts.fieldIssues;
    this.headers = opts.headers;
  }
}
