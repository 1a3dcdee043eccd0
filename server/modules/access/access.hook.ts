import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import { lookupSession } from './access.auth.service.js';
import { readSessionToken } from './access.cookies.js';
import type { SessionEnd } from './access.rules.js';

/** The 401 of a request whose session has ended, saying why (decision 0024). */
const endedCodes: Record<SessionEnd, ErrorCode> = {
  idle: 'auth.session_idle',
  expired: 'auth.session_expired',
  logged_out: 'auth.session_logged_out',
  account_disabled: 'auth.session_account_disabled',
  roles_changed: 'auth.session_roles_changed',
  credentials_changed: 'auth.session_credentials_changed',
  ended: 'auth.session_ended',
};

/**
 * Runs first on every request: resolves the session cookie to an actor. Routes that are not
 * declared public answer 401 without one: `auth.required` without a cookie, a code saying why the
 * session ended with one. A session whose password an administrator set reaches only the routes
 * that changing it needs; one that still has to enrol its second factor only the enrolment routes.
 */
export async function authenticateRequest(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const auth = req.routeOptions.config.auth;
  const token = readSessionToken(req);
  const session = token ? await lookupSession(req.ctx, token) : null;
  if (session) req.ctx.actor = session.actor;
  if (auth === 'public' || auth === undefined) return; // undefined: not one of our routes (404, static)
  if (!req.ctx.actor) {
    if (session?.ended) throw new AppError(endedCodes[session.ended], 'Your session has ended: log in again.');
    throw new AppError('auth.required', 'Log in to continue.');
  }
  const config = req.routeOptions.config;
  if (req.ctx.actor.mustChangePassword && !config.allowPendingPasswordChange) {
    throw new AppError('auth.password_change_required', 'Change the password an administrator set first.');
  }
  if (req.ctx.actor.mustEnrolTotp && !config.allowPendingSecondFactor) {
    throw new AppError('auth.totp_enrolment_required', 'Enrol a second factor (TOTP) in your profile first.');
  }
}
