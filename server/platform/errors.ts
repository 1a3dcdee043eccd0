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

/**
 * The kernel's own codes: request handling, sessions, the permission check, the database. Each
 * module declares its codes with `defineErrors` in its `<module>.errors.ts` and lists them in its
 * module definition.
 */
const kernelErrors = {
  'request.invalid': 'invalid',
  'request.malformed': 'invalid',
  'request.too_large': 'too_large',
  'request.unsupported_media_type': 'unsupported',
  internal: 'internal',
  'auth.required': 'unauthenticated',
  'csrf.invalid': 'forbidden',
  'origin.invalid': 'forbidden',
  'rate.limited': 'too_many',
  forbidden: 'forbidden',
  'route.not_found': 'not_found',
  'database.unavailable': 'unavailable',
  'pdf.busy': 'unavailable',
  'pdf.timeout': 'unavailable',
  // a prepared download (server/platform/spool.ts): too many being prepared; expired or unknown;
  // asked for before it is ready
  'spool.busy': 'unavailable',
  'spool.gone': 'not_found',
  'spool.not_ready': 'conflict',
  // an uploaded file (server/platform/upload): over a size limit (file, or unzipped); too many rows,
  // cells or zip entries, or too slow / too big to parse; not a readable file of its format; text
  // not decodable in its encoding; every parsing worker busy
  'upload.too_large': 'too_large',
  'upload.too_complex': 'too_large',
  'upload.unreadable': 'invalid',
  'upload.encoding': 'invalid',
  'upload.busy': 'unavailable',
} as const satisfies Record<string, ErrorKind>;
type KernelErrors = typeof kernelErrors;

/**
 * Every stable code the API can answer with, by kind. Modules add theirs by declaration merging
 * (`declare module '…/platform/errors.js' { interface ErrorCodes extends PilotErrors {} }`), so
 * `new AppError('pilot.case.not_found')` is checked by the compiler.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorCodes extends KernelErrors {}

export type ErrorCode = Extract<keyof ErrorCodes, string>;

const kindOfCode = new Map<string, ErrorKind>(Object.entries(kernelErrors));

/**
 * Declares a module's error codes and their kinds. Called once, at the top of the module's
 * `<module>.errors.ts`; a code declared twice with another kind stops the start.
 */
export function defineErrors<const T extends Record<string, ErrorKind>>(codes: T): T {
  for (const [code, kind] of Object.entries(codes)) {
    const known = kindOfCode.get(code);
    if (known && known !== kind) throw new Error(`Error code ${code} declared twice (${known}, ${kind})`);
    kindOfCode.set(code, kind);
  }
  return codes;
}

/** Every declared code with its kind, sorted: the `ErrorCode` enum of the OpenAPI document. */
export function declaredErrorCodes(): Array<[string, ErrorKind]> {
  return [...kindOfCode.entries()].sort(([a], [b]) => a.localeCompare(b));
}

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
  /** Machine-readable facts of the problem (e.g. the year and the role that must act), sent as `context`. */
  readonly context: ProblemContext | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { fieldIssues?: FieldIssue[]; headers?: Record<string, string>; context?: ProblemContext } = {},
  ) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = statusOfKind[kindOfCode.get(code) ?? 'internal'];
    this.fieldIssues = opts.fieldIssues;
    this.headers = opts.headers;
    this.context = opts.context;
  }
}

/** One entry of a list in a problem's context (e.g. one issue of an uploaded file: sheet, row, column, why). */
export type ProblemContextRow = Record<string, string | number | boolean | null>;
/**
 * The `context` member of a problem: a few named facts a client may act on, or a list of flat
 * entries (the issues of an uploaded XLSForm, each at its sheet, row and column).
 */
export type ProblemContext = Record<string, string | number | boolean | ProblemContextRow[]>;
