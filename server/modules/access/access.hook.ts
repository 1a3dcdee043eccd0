import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { authenticate } from './access.auth.service.js';
import { readSessionToken } from './access.cookies.js';

/**
 * Runs first on every request: resolves the session cookie to an actor. Routes that are not
 * declared public answer 401 without one; a session that still has to enrol its second factor
 * reaches only the routes that enrolment needs.
 */
export async function authenticateRequest(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const auth = req.routeOptions.config.auth;
  const token = readSessionToken(req);
  if (token) req.ctx.actor = await authenticate(req.ctx, token);
  if (auth === 'public' || auth === undefined) return; // undefined: not one of our routes (404, static)
  if (!req.ctx.actor) throw new AppError('auth.required', 'Log in to continue.');
  if (req.ctx.actor.mustEnrolTotp && !req.routeOptions.config.allowPendingSecondFactor) {
    throw new AppError('auth.totp_enrolment_required', 'Enrol a second factor (TOTP) in your profile first.');
  }
}
