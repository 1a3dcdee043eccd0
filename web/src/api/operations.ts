/**
 * The one set of helpers that name an operation's shapes from the generated description
 * (`paths`): what it answers, what it takes. Features derive their named types with them, so no
 * API type is written twice.
 */
import type { paths } from './paths';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON of an operation's 200 or 201 answer. */
export type SuccessOf<Op> = Op extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
// a request body in whatever media type it is sent (PATCH bodies are application/merge-patch+json)
type ContentOf<B> = B extends { content: infer C } ? C[keyof C] : never;
/** An operation's request body. */
export type BodyOf<Op> = Op extends { requestBody?: infer B } ? ContentOf<NonNullable<B>> : never;
/** An operation's query parameters. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Get<P extends keyof paths> = paths[P] extends { get: infer Op } ? Op : never;
export type Post<P extends keyof paths> = paths[P] extends { post: infer Op } ? Op : never;
export type Put<P extends keyof paths> = paths[P] extends { put: infer Op } ? Op : never;
export type Patch<P extends keyof paths> = paths[P] extends { patch: infer Op } ? Op : never;
