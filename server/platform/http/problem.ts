import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, type ErrorCode, type FieldIssue, type ProblemContext } from '../errors.js';
import { errorCodeSchema } from './openapi.js';
import { discardRequestBody } from './request-rules.js';

/** RFC 9457 problem details, with our stable `code` and every invalid field. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: errorCodeSchema,
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
    /**
     * Machine-readable facts of the problem, e.g. `{ year: 2027, role: 'assistenza_tecnica' }`, or
     * a list of flat entries (`issues` of an XLSForm: sheet, row, column, message).
     */
    context: z
      .record(
        z.string(),
        z.union([
          z.string(),
          z.number(),
          z.boolean(),
          z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
        ]),
      )
      .optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

const titles: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail?: string,
  errors?: FieldIssue[],
  context?: ProblemContext,
): FastifyReply {
  const body: Problem = {
    type: `https://incas.example/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length ? { errors } : {}),
    ...(context ? { context } : {}),
  };
  return reply.code(status).type('application/problem+json').send(JSON.stringify(body));
}

const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_TYPE: 'request.malformed',
  FST_CSRF_INVALID_TOKEN: 'csrf.invalid',
  FST_CSRF_MISSING_SECRET: 'csrf.invalid',
  FST_ERR_VALIDATION: 'request.invalid',
  FST_ERR_BAD_URL: 'request.malformed',
};

/**
 * Maps every error to problem+json: nothing a client sends yields a stack trace or SQL. An answer
 * that closes the connection (a body over the limit) first reads what the client is still
 * sending, so that it arrives instead of a reset.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (reply.getHeader('connection') === 'close' && !req.raw.complete) {
      return discardRequestBody(req.raw).then(() => {
        answerError(err, req, reply);
      });
    }
    return answerError(err, req, reply);
  });
}

function answerError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) {
    if (err.headers) reply.headers(err.headers);
    return sendProblem(
      reply,
      err.status,
      err.code,
      err.message !== err.code ? err.message : undefined,
      err.fieldIssues,
      err.context,
    );
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const issues: FieldIssue[] = err.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
      // a refinement may name its own stable code (`params: { code: 'unknown_language' }`)
      code:
        issueCode(v.params) ??
        String((v.params as { issue?: { code?: string } } | undefined)?.issue?.code ?? v.keyword),
    }));
    return sendProblem(reply, 400, 'request.invalid', 'The request has invalid fields.', issues);
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err: { message: err.message, url: err.url } }, 'response did not match its schema');
    return sendProblem(reply, 500, 'internal');
  }
  const mapped = err.code ? fastifyCodeMap[err.code] : undefined;
  if (mapped) {
    const e = new AppError(mapped);
    return sendProblem(reply, e.status, e.code);
  }
  if (err.statusCode === 429) return sendProblem(reply, 429, 'rate.limited');
  if (isDatabaseUnavailable(err)) {
    req.log.error({ code: err.code, message: err.message }, 'database unavailable');
    return sendProblem(reply, 503, 'database.unavailable');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return sendProblem(reply, err.statusCode, 'request.malformed');
  }
  // Only the message and stack: request bodies may hold personal data and are never logged.
  req.log.error({ err: { message: err.message, stack: err.stack, code: err.code } }, 'unhandled error');
  return sendProblem(reply, 500, 'internal');
}

/**
 * The stable code a refinement names for itself (`params: { code: 'unknown_language' }`), which the
 * Zod type provider passes on in the validation error's params; else none (the keyword applies).
 */
function issueCode(params: unknown): string | undefined {
  const own = (params as { params?: { code?: unknown } } | undefined)?.params?.code;
  return typeof own === 'string' ? own : undefined;
}
