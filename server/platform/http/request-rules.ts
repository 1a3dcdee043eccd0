/**
 * Rules every request meets before any route's own validation, in one place:
 *
 * - no text the database cannot store: U+0000 and unpaired UTF-16 surrogates are refused in the
 *   path parameters, the query string and the JSON body (values and keys, at any depth) with 400
 *   `request.invalid`, each offending field named (`body.displayName`, `querystring.q`);
 * - an operation that declares no request body takes none: its body limit is 64 bytes, and
 *   anything but no body or `{}` answers 400 `request.invalid` (`body`, `unexpected_body`);
 * - when an error answer closes the connection while the client is still sending its body (413),
 *   the rest of the body is read and dropped first, up to a cap, so the answer reaches the client
 *   instead of a reset connection.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldIssue } from '../errors.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The body limit of an operation that declares no body: room for `{}` and some whitespace. */
export const NO_BODY_LIMIT = 64;
/** At most this many bytes of a refused body are read and dropped before the connection closes. */
export const DISCARD_MAX_BYTES = 32 * 1_048_576;
const DISCARD_MAX_MS = 10_000;
/** A request with more offending fields than this lists only the first ones. */
const MAX_ISSUES = 20;

// U+0000, a high surrogate not followed by a low one, or a low one not preceded by a high one
// eslint-disable-next-line no-control-regex
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const unstorableGlobal = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when PostgreSQL could not store the text as it is (it refuses NUL, and would mangle a lone surrogate). */
export function hasUnstorableCharacter(text: string): boolean {
  return unstorable.test(text);
}

/** A path segment as it can be shown: the offending characters written as `\uXXXX`. */
function printable(segment: string | number): string {
  return String(segment).replace(unstorableGlobal, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Node {
  value: unknown;
  parent: Node | null;
  segment: string | number | null;
}

function pathOf(where: string, node: Node, key?: string): string {
  const segments: string[] = key === undefined ? [] : [printable(key)];
  for (let n: Node | null = node; n && n.segment !== null; n = n.parent) segments.unshift(printable(n.segment));
  return [where, ...segments].join('.');
}

/**
 * Every string and object key of `value` holding an unstorable character, walked without
 * recursion (a body may be nested hundreds of thousands deep).
 */
export function unstorableFields(where: string, value: unknown, max = MAX_ISSUES): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (path: string): FieldIssue => ({
    path,
    message: 'Contains a character that cannot be stored (U+0000 or an unpaired surrogate)',
    code: 'invalid_character',
  });
  const stack: Node[] = [{ value, parent: null, segment: null }];
  while (stack.length > 0 && issues.length < max) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (hasUnstorableCharacter(v)) issues.push(issue(pathOf(where, node)));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i] as unknown, parent: node, segment: i });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries = Object.entries(v as Record<string, unknown>);
      for (const [k] of entries) if (hasUnstorableCharacter(k)) issues.push(issue(pathOf(where, node, k)));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!;
        stack.push({ value: x, parent: node, segment: k });
      }
    }
  }
  return issues.slice(0, max);
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined) return true;
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
}

/** Installs the rules above on the application, for every route registered after it. */
export function installRequestRules(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    if (methods.some((m) => unsafeMethods.has(m)) && !route.schema?.body && route.bodyLimit === undefined) {
      route.bodyLimit = NO_BODY_LIMIT;
    }
  });

  app.addHook('preValidation', async (req) => {
    if (req.is404) return;
    const issues = [...unstorableFields('params', req.params), ...unstorableFields('querystring', req.query)];
    if (unsafeMethods.has(req.method) && !req.routeOptions.schema?.body) {
      if (!isEmptyBody(req.body)) {
        issues.push({ path: 'body', message: 'This operation takes no request body', code: 'unexpected_body' });
      }
    } else {
      issues.push(...unstorableFields('body', req.body));
    }
    if (issues.length > 0) {
      throw new AppError('request.invalid', 'The request has invalid fields.', {
        fieldIssues: issues.slice(0, MAX_ISSUES),
      });
    }
  });
}

/**
 * Reads and drops what is left of a request body (at most DISCARD_MAX_BYTES, for at most ten
 * seconds), so that closing the connection afterwards does not reset it under the client's feet.
 */
export function discardRequestBody(raw: IncomingMessage): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', finish);
      raw.off('close', finish);
      raw.off('error', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DISCARD_MAX_BYTES) finish();
    };
    const timer = setTimeout(finish, DISCARD_MAX_MS);
    raw.on('data', onData);
    raw.on('end', finish);
    raw.on('close', finish);
    raw.on('error', finish);
    raw.resume();
  });
}
