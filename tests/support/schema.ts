/**
 * Response and request shapes for the tests, taken from the schema generated from the committed
 * OpenAPI document (`npm run openapi` writes web/src/api/schema.ts), so a test never writes an
 * API shape again by hand and fails to compile when the API changes under it.
 *
 *   const me = await agent.get<Schema<'Me'>>('/api/v1/me');
 *   const page = await agent.get<Ok<'/api/v1/pilot/cases', 'get'>>('/api/v1/pilot/cases');
 */
import type { components, paths } from '../../web/src/api/schema.js';

/** A named component of the document: `Schema<'PilotCaseDetail'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: infer C } ? C[keyof C] : never;

/** The body of an operation's success answer (200 or 201): `Ok<'/api/v1/me', 'get'>`. */
export type Ok<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;

/** The body of an operation's request, in whatever media type it is sent. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** An RFC 9457 problem, as every error answer carries it. */
export type Problem = Schema<'Problem'>;

/**
 * The body of a call that answers either `T` or a problem, for tests that look at both: the
 * problem's fields that `T` does not have are optional on it.
 */
export type OrProblem<T> = T & Partial<Omit<Problem, keyof T>>;
