/**
 * The application-wide request limits, as onRequest hooks the application places itself: the
 * per-IP limit before the session is looked up (so a flood, with or without made-up cookies,
 * never reaches the sessions table), the per-session limit right after it. Routes that declare
 * `config.rateLimit: false` (health checks) are exempt; routes that declare their own
 * `config.rateLimit` object (login) get it from @fastify/rate-limit on top of these.
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';

export type LimitKey = 'ip' | 'session';

/**
 * An onRequest hook counting requests per client IP (`req.ip`, which honours `trustProxy`; IPv6
 * addresses counted per /64) or per authenticated session; over `max` per minute it answers 429
 * `rate.limited` with `retry-after`. The per-session hook counts only sessions that
 * authentication has verified, never a cookie as sent.
 */
export function requestLimit(app: FastifyInstance, per: LimitKey, max: number): onRequestAsyncHookHandler {
  const check = app.createRateLimit({
    max,
    timeWindow: 60_000,
    ...(per === 'session' ? { keyGenerator: (req: FastifyRequest) => `session:${req.ctx.actor?.sessionId}` } : {}),
  });
  return async (req, reply) => {
    if (req.routeOptions.config?.rateLimit === false) return;
    if (per === 'session' && !req.ctx.actor) return;
    const limit = await check(req);
    if (limit.isAllowed) return;
    if (per === 'ip') {
      reply.header('x-ratelimit-limit', limit.max);
      reply.header('x-ratelimit-remaining', limit.remaining);
      reply.header('x-ratelimit-reset', limit.ttlInSeconds);
    }
    if (limit.isExceeded) {
      throw new AppError('rate.limited', `Too many requests: retry in ${limit.ttlInSeconds} s`, {
        headers: { 'retry-after': String(limit.ttlInSeconds) },
      });
    }
  };
}
