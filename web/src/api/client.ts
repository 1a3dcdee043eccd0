import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './paths';
import { getCsrfToken, refreshCsrfToken } from './csrf';
import { problemFromResponse } from './problem';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_HEADER = 'x-csrf-token';

// Copies of writes, kept until their response arrives, so a write rejected for a stale CSRF
// token can be sent again once with a fresh one (the original body stream is consumed by then).
const retryCopies = new Map<string, Request>();

async function isCsrfRejection(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body && body.code === 'csrf.invalid';
  } catch {
    return false;
  }
}

export const csrfMiddleware: Middleware = {
  async onRequest({ request, id }) {
    if (!UNSAFE_METHODS.has(request.method)) return undefined;
    request.headers.set(CSRF_HEADER, await getCsrfToken());
    retryCopies.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const copy = retryCopies.get(id);
    retryCopies.delete(id);
    if (copy === undefined || !(await isCsrfRejection(response))) return undefined;
    copy.headers.set(CSRF_HEADER, await refreshCsrfToken());
    return fetch(copy);
  },
  onError({ id }) {
    retryCopies.delete(id);
  },
};

/**
 * PATCH bodies are JSON merge patches (RFC 7396): absent fields stay as they are. The API
 * documents them as application/merge-patch+json, so the client says so.
 */
export const mergePatchMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'PATCH') return undefined;
    request.headers.set('content-type', 'application/merge-patch+json');
    return request;
  },
};

export const api = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});
api.use(mergePatchMiddleware, csrfMiddleware);

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Unwraps an openapi-fetch result: the data on success, an ApiProblem thrown otherwise,
 * so React Query sees failures as errors.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemFromResponse(response, error);
  return data as T;
}
