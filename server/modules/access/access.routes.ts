import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allowedRolesQuerySchema,
  allowedRolesSchema,
  authInfoSchema,
  changePasswordSchema,
  createUserSchema,
  csrfTokenSchema,
  idParams,
  loginBodySchema,
  meSchema,
  resetPasswordSchema,
  totpConfirmSchema,
  totpSetupSchema,
  updateUserSchema,
  userPageSchema,
  userQuerySchema,
  userSchema,
} from './access.schema.js';
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  getMe,
  login,
  logout,
  startTotpEnrolment,
} from './access.auth.service.js';
import {
  createUser,
  findUsers,
  getAllowedRoles,
  getUser,
  resetUserPassword,
  resetUserTotp,
  updateUser,
} from './access.users.service.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './access.cookies.js';

const noContent = z.null().describe('No content');

export async function accessRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.get('/auth/csrf', {
    config: { auth: 'public' },
    schema: {
      tags,
      operationId: 'getCsrfToken',
      summary: 'A CSRF token to send back in the x-csrf-token header of every POST/PUT/PATCH/DELETE',
      description:
        'Public. Sets the CSRF secret cookie and returns the token that every POST, PUT, PATCH and DELETE must carry in `x-csrf-token`; a missing or stale token answers 403 `csrf.invalid`.',
      response: { 200: csrfTokenSchema },
    },
    handler: async (_req, reply) => ({ token: reply.generateCsrf() }),
  });
  app.get('/auth/info', {
    config: { auth: 'public' },
    schema: {
      tags,
      operationId: 'getAuthInfo',
      summary: 'Whether demo accounts are active',
      description:
        'Public. Tells the login page whether demo mode is on, in which demo accounts log in without a second factor.',
      response: { 200: authInfoSchema },
    },
    handler: (req) => ({ demoMode: req.ctx.config.demoMode }),
  });
  app.post('/auth/login', {
    config: {
      auth: 'public',
      // per client IP (the plugin's default key: req.ip, IPv6 per /64), on top of the app-wide limits
      rateLimit: { max: (req) => req.ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: {
      tags,
      operationId: 'login',
      summary: 'Log in with email, password and (when enrolled) a TOTP code',
      description:
        'Public, rate-limited per IP. Starts a session (cookie) and returns the user; 401 `auth.invalid_credentials`, `auth.totp_required` or `auth.totp_invalid`, 429 `auth.locked` after repeated failures.',
      body: loginBodySchema,
      response: { 200: meSchema },
    },
    handler: async (req, reply) => {
      const { token, me } = await login(req.ctx, req.body, readSessionToken(req));
      setSessionCookie(reply, req.ctx.config, token);
      return me;
    },
  });
  app.post('/auth/logout', {
    config: { auth: 'session', allowPendingSecondFactor: true, allowPendingPasswordChange: true },
    schema: {
      tags,
      operationId: 'logout',
      summary: 'End the current session',
      description:
        'Any session, also one still waiting for its second factor: ends the session and clears its cookie. Takes no body (none, or `{}`).',
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await logout(req.ctx);
      clearSessionCookie(reply, req.ctx.config);
      return reply.code(204).send(null);
    },
  });
  app.get('/me', {
    config: { auth: 'session', allowPendingSecondFactor: true, allowPendingPasswordChange: true },
    schema: {
      tags: ['profile'],
      operationId: 'getMe',
      summary: 'The current user, organisation, roles and scope',
      description:
        "Any session, also one still waiting for its second factor or for its password change: the caller's account, organisation, roles and territorial scope. Without a session: 401 `auth.required`, or, when the cookie's session has ended, a code saying why: `auth.session_idle`, `auth.session_expired`, `auth.session_logged_out`, `auth.session_account_disabled`, `auth.session_roles_changed`, `auth.session_credentials_changed` or `auth.session_ended` (every route that needs a session answers the same way).",
      response: { 200: meSchema },
    },
    handler: (req) => getMe(req.ctx),
  });
  app.post('/me/password', {
    config: { auth: 'session', allowPendingSecondFactor: true, allowPendingPasswordChange: true },
    schema: {
      tags: ['profile'],
      operationId: 'changeOwnPassword',
      summary: 'Change the own password (other sessions end)',
      description:
        "Every role (`profile.manage`), also a session whose password an administrator set (`mustChangePassword`: every other call answers 403 `auth.password_change_required` until it is changed) or that must still enrol TOTP: needs the current password (400 `auth.wrong_password`) and a different new one; the caller's other sessions end.",
      body: changePasswordSchema,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await changeOwnPassword(req.ctx, req.body);
      return reply.code(204).send(null);
    },
  });
  app.post('/me/totp/setup', {
    config: { auth: 'session', allowPendingSecondFactor: true },
    schema: {
      tags: ['profile'],
      operationId: 'startTotpEnrolment',
      summary: 'Start TOTP enrolment: secret and QR code',
      description:
        'Every role (`profile.manage`), also before the second factor is set up: a new TOTP secret with its otpauth URL and QR code, pending until confirmed. Takes no body (none, or `{}`).',
      response: { 200: totpSetupSchema },
    },
    handler: (req) => startTotpEnrolment(req.ctx),
  });
  app.post('/me/totp/confirm', {
    config: { auth: 'session', allowPendingSecondFactor: true },
    schema: {
      tags: ['profile'],
      operationId: 'confirmTotpEnrolment',
      summary: 'Confirm TOTP enrolment with a code',
      description:
        'Every role (`profile.manage`): activates the pending TOTP secret with a current code; 409 `auth.totp_not_pending` without a started enrolment, 400 for a wrong code.',
      body: totpConfirmSchema,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await confirmTotpEnrolment(req.ctx, req.body.code);
      return reply.code(204).send(null);
    },
  });

  const userTags = ['users'];
  app.get('/users', {
    config: { auth: 'session' },
    schema: {
      tags: userTags,
      operationId: 'findUsers',
      summary: 'Search accounts',
      description:
        'Amministratore only (`users.manage`): a page of accounts, filtered and sorted by the query parameters.',
      querystring: userQuerySchema,
      response: { 200: userPageSchema },
    },
    handler: (req) => findUsers(req.ctx, req.query),
  });
  app.get('/users/allowed-roles', {
    config: { auth: 'session' },
    schema: {
      tags: userTags,
      operationId: 'getAllowedRoles',
      summary: 'The roles an account of an organisation may hold',
      description:
        "Amministratore only (`users.manage`): the roles the organisation's type allows (the role picker offers only these), and whether the organisation is active; 404 `organisation.not_found`.",
      querystring: allowedRolesQuerySchema,
      response: { 200: allowedRolesSchema },
    },
    handler: (req) => getAllowedRoles(req.ctx, req.query.organisationId),
  });
  app.get('/users/:id', {
    config: { auth: 'session' },
    schema: {
      tags: userTags,
      operationId: 'getUser',
      summary: 'One account',
      description:
        'Amministratore only (`users.manage`): one account with its organisation and roles; 404 `user.not_found`.',
      params: idParams,
      response: { 200: userSchema },
    },
    handler: (req) => getUser(req.ctx, req.params.id),
  });
  app.post('/users', {
    config: { auth: 'session' },
    schema: {
      tags: userTags,
      operationId: 'createUser',
      summary: 'Create an account',
      description:
        'Amministratore only (`users.manage`): creates an account in an active organisation, with a password its owner must change at the first login; 400 `user.role_not_allowed` for a role the organisation cannot hold (see `GET /users/allowed-roles`), 400 `organisation.inactive`, 409 `user.email_taken`.',
      body: createUserSchema,
      response: { 201: userSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createUser(req.ctx, req.body)),
  });
  app.patch('/users/:id', {
    config: { auth: 'session' },
    schema: {
      tags: userTags,
      operationId: 'updateUser',
      summary: 'Change name, roles or status (disabling ends the sessions)',
      description:
        "Amministratore only (`users.manage`): changes display name, roles or status, absent fields staying as they are; disabling ends the account's sessions. 404 `user.not_found`, 409 `user.cannot_disable_self`.",
      params: idParams,
      body: updateUserSchema,
      response: { 200: userSchema },
    },
    handler: (req) => updateUser(req.ctx, req.params.id, req.body),
  });
  app.post('/users/:id/password', {
    config: { auth: 'session' },
    schema: {
      tags: userTags,
      operationId: 'resetUserPassword',
      summary: 'Set a new password for an account (its sessions end)',
      description:
        'Amministratore only (`users.manage`): sets a new password for an account and ends its sessions; the user must change it at the next login. 404 `user.not_found`.',
      params: idParams,
      body: resetPasswordSchema,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await resetUserPassword(req.ctx, req.params.id, req.body.newPassword);
      return reply.code(204).send(null);
    },
  });
  app.post('/users/:id/totp/reset', {
    config: { auth: 'session' },
    schema: {
      tags: userTags,
      operationId: 'resetUserTotp',
      summary: "Reset an account's second factor (its sessions end; it enrols again at the next login)",
      description:
        "Amministratore only (`users.manage`): forgets the account's TOTP secret (a lost phone) and ends its sessions; at the next login a role that requires TOTP must enrol again before anything else. Audited. 404 `user.not_found`, 409 `user.cannot_reset_own_totp`. Takes no body (none, or `{}`).",
      params: idParams,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await resetUserTotp(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
