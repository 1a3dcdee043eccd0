/**
 * RFC 9457 problem details as the server sends them, turned into an Error the UI can show.
 * The `code` is the stable key the UI translates; `title`/`detail` are only a fallback.
 */
export interface FieldProblem {
  path: string;
  message: string;
  code: string;
}

/** A fact of a problem's context: a value, or a list of flat entries (an XLSForm's issues) */
export type ProblemContextValue = string | number | boolean | Record<string, string | number | boolean | null>[];

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldProblem[];
  /** Seconds from the Retry-After header, when the server sent one (429, 503). */
  readonly retryAfter: number | undefined;
  /** The problem's machine-readable facts (`context`), e.g. the year and the role that must act. */
  readonly context: Record<string, ProblemContextValue>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    fieldErrors?: FieldProblem[];
    retryAfter?: number | undefined;
    context?: Record<string, ProblemContextValue>;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
    this.context = init.context ?? {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.path === 'string'
      ? [
          {
            path: item.path,
            message: typeof item.message === 'string' ? item.message : '',
            code: typeof item.code === 'string' ? item.code : '',
          },
        ]
      : [],
  );
}

const isFlat = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function toContext(value: unknown): Record<string, ProblemContextValue> {
  if (!isRecord(value)) return {};
  const out: Record<string, ProblemContextValue> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) {
      out[k] = v.filter(
        (row: unknown): row is Record<string, string | number | boolean | null> =>
          isRecord(row) && !Array.isArray(row) && Object.values(row).every(isFlat),
      );
    }
  }
  return out;
}

/** Builds an ApiProblem from a failed response and its (already parsed) body. */
export function problemFromResponse(response: Response, body: unknown): ApiProblem {
  const retryHeader = response.headers.get('retry-after');
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  if (isRecord(body) && typeof body.code === 'string') {
    return new ApiProblem({
      status: response.status,
      code: body.code,
      title: typeof body.title === 'string' ? body.title : response.statusText,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      fieldErrors: toFieldProblems(body.errors),
      retryAfter,
      context: toContext(body.context),
    });
  }
  // A proxy or a crashed server may answer without problem+json; keep the status at least.
  return new ApiProblem({
    status: response.status,
    code: `http.${response.status}`,
    title: response.statusText,
    retryAfter,
  });
}

export function isProblem(error: unknown, code?: string): error is ApiProblem {
  return error instanceof ApiProblem && (code === undefined || error.code === code);
}
