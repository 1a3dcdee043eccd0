/**
 * Logging in and out, resolving the session behind a request, and the actor's own profile
 * (password, TOTP). Slow password hashing always runs outside database transactions.
 */
import { anonymousAccess, type DbAccess } from '../../platform/db/db.js';
import { accessOf, type Actor, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertCan, permissionsOf, secondFactorRequired, type Role } from '../../platform/policy.js';
import { recordAudit } from '../audit/index.js';
import {
  checkTotp,
  hashPassword,
  newSessionToken,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  sha256,
  totpEnrolment,
  verifyPassword,
} from './access.credentials.js';
import {
  deleteThrottle,
  insertSession,
  markSessionSecondFactor,
  revokeSession,
  revokeSessionByTokenHash,
  revokeUserSessions,
  selectCredentialsByEmail,
  selectCredentialsById,
  reserveLoginAttempt,
  selectSessionByTokenHash,
  touchSession,
  updateLastLogin,
  updatePasswordHash,
  updateTotp,
  type CredentialRow,
} from './access.repo.js';
import { scopeOf, sessionEndOf, type SessionEnd } from './access.rules.js';
import type { LoginBody, Me } from './access.schema.js';
import { selectMe } from './access.me.repo.js';

/**
 * Attempts per email within the window before the account is locked (security.md #2). Each
 * attempt is reserved before the password is checked, so at most this many passwords are ever
 * checked per email and window, however many requests arrive at once.
 */
export const LOCKOUT_FAILURES = 10;
export const LOCKOUT_MINUTES = 15;
/** last_seen_at is written at most this often, so reads do not turn every request into a write. */
const TOUCH_EVERY_MS = 60_000;

function needsSecondFactor(roles: readonly string[], isDemo: boolean, demoMode: boolean): boolean {
  if (demoMode && isDemo) return false;
  return roles.some((r) => secondFactorRequired[r as Role]);
}

/** A session cookie resolved: the actor, or why there is none. */
export type SessionLookup = { actor: Actor; ended?: undefined } | { actor: null; ended: SessionEnd };

/** Resolves the session cookie to an actor, or null. */
export async function authenticate(ctx: Ctx, token: string): Promise<Actor | null> {
  return (await lookupSession(ctx, token)).actor;
}

/**
 * Resolves the session cookie to an actor, or to the reason it has none: the session ended
 * (idle, absolute timeout, logout, disabled account, changed roles or credentials) or is unknown.
 * Expired (idle or absolute) sessions and those of a disabled account are revoked on the way.
 */
export async function lookupSession(ctx: Ctx, token: string): Promise<SessionLookup> {
  const now = ctx.clock.now();
  const tokenHash = sha256(token);
  return ctx.db.tx(anonymousAccess, async (tx): Promise<SessionLookup> => {
    const s = await selectSessionByTokenHash(tx, tokenHash);
    if (!s) return { actor: null, ended: 'ended' };
    if (s.revoked_at) return { actor: null, ended: sessionEndOf(s.revoked_reason) };
    const idleLimit = ctx.config.sessionIdleMinutes * 60_000;
    if (s.status !== 'active') {
      await revokeSession(tx, s.id, now, 'user_disabled');
      return { actor: null, ended: 'account_disabled' };
    }
    if (now >= s.expires_at || now.getTime() - s.last_seen_at.getTime() > idleLimit) {
      const reason = now >= s.expires_at ? 'expired' : 'idle';
      await revokeSession(tx, s.id, now, reason);
      return { actor: null, ended: reason };
    }
    if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) await touchSession(tx, s.id, now);
    const roles = s.roles;
    const actor: Actor = {
      userId: s.user_id,
      email: s.email,
      organisationId: s.organisation_id,
      roles,
      permissions: permissionsOf(roles),
      scope: scopeOf({ type: s.org_type, comuneIstat: s.comune_istat, regionCode: s.region_code }, roles),
      sessionId: s.id,
      secondFactor: s.second_factor,
      mustEnrolTotp: !s.second_factor && !s.totp_enabled && needsSecondFactor(roles, s.is_demo, ctx.config.demoMode),
      mustChangePassword: s.must_change_password,
    };
    return { actor };
  });
}

/** Row-level access of the person logging in (their login events belong to their Comune). */
function accessOfCredentials(user: CredentialRow | undefined): DbAccess {
  if (!user) return anonymousAccess;
  const scope = scopeOf(
    { type: user.org_type, comuneIstat: user.comune_istat, regionCode: user.region_code },
    user.roles,
  );
  return { scope: scope.level, tenant: scope.comuneIstat, region: scope.regionCode, userId: user.id };
}

function loginKey(email: string): string {
  return sha256('login:' + email);
}

/**
 * Checks email, password and (when enrolled) the TOTP code; issues a new session. Unknown email
 * and wrong password get the same answer and the same cost. Every attempt is first reserved
 * against the email's counter in one atomic statement: the LOCKOUT_FAILURES-th attempt of a
 * LOCKOUT_MINUTES window locks the email for LOCKOUT_MINUTES, and any attempt beyond it is refused
 * before its password is looked at, whatever is sent. A successful login resets the counter.
 */
export async function login(
  ctx: Ctx,
  body: LoginBody,
  previousToken: string | null,
): Promise<{ token: string; me: Me }> {
  const now = ctx.clock.now();
  const key = loginKey(body.email);
  const window = LOCKOUT_MINUTES * 60_000;
  const { user, reserved } = await ctx.db.tx(anonymousAccess, async (tx) => ({
    reserved: await reserveLoginAttempt(tx, key, {
      now,
      windowCutoff: new Date(now.getTime() - window),
      lockUntil: new Date(now.getTime() + window),
      limit: LOCKOUT_FAILURES,
    }),
    user: await selectCredentialsByEmail(tx, body.email),
  }));
  if (reserved.attempt > LOCKOUT_FAILURES) {
    const lockedUntil = reserved.locked_until ?? new Date(now.getTime() + window);
    const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
    await ctx.db.tx(accessOfCredentials(user), (tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login',
        outcome: 'denied',
        actorUserId: user?.id ?? null,
        actorOrgId: user?.organisation_id ?? null,
        tenantComune: user?.comune_istat ?? null,
        details: { reason: 'locked' },
      }),
    );
    throw new AppError('auth.locked', 'Too many failed attempts: try again later.', {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  const locked = reserved.attempt >= LOCKOUT_FAILURES;
  const passwordOk = await verifyPassword(user?.password_hash ?? null, body.password);
  // demo accounts exist only in demo mode: elsewhere they answer like a wrong password
  const demoRefused = !!user && user.is_demo && !ctx.config.demoMode;
  if (!user || !passwordOk || user.status !== 'active' || demoRefused) {
    const reason = !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : demoRefused ? 'demo_account' : 'disabled';
    await recordFailure(ctx, user, reason, locked);
    throw new AppError('auth.invalid_credentials', 'Email or password is not correct.');
  }
  let totpStep: number | null = null;
  if (user.totp_enabled && user.totp_secret) {
    if (!body.totp) throw new AppError('auth.totp_required', 'Enter the code from your authenticator app.');
    totpStep = await checkTotp(
      openTotpSecret(ctx.cipher, user.id, user.totp_secret),
      body.totp,
      now,
      user.totp_last_step,
    );
    if (totpStep === null) {
      await recordFailure(ctx, user, 'wrong_totp', locked);
      throw new AppError('auth.totp_invalid', 'The verification code is not valid.');
    }
  }
  const { token, tokenHash } = newSessionToken();
  await ctx.db.tx(accessOfCredentials(user), async (tx) => {
    if (previousToken) await revokeSessionByTokenHash(tx, sha256(previousToken), now, 'replaced');
    if (totpStep !== null) await updateTotp(tx, user.id, { lastStep: totpStep }, now);
    const expiresAt = new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 3_600_000);
    const sessionId = await insertSession(tx, {
      tokenHash,
      userId: user.id,
      secondFactor: totpStep !== null,
      now,
      expiresAt,
    });
    await deleteThrottle(tx, key);
    await updateLastLogin(tx, user.id, now);
    await recordAudit(tx, ctx, {
      action: 'auth.login',
      actorUserId: user.id,
      actorOrgId: user.organisation_id,
      entityType: 'session',
      entityId: sessionId,
      tenantComune: user.comune_istat,
      details: { secondFactor: totpStep !== null },
    });
  });
  const actor = await authenticate(ctx, token);
  if (!actor) throw new AppError('internal');
  return { token, me: await getMe({ ...ctx, actor }) };
}

/** Audits a failed attempt; its count was already taken when the attempt was reserved. */
async function recordFailure(
  ctx: Ctx,
  user: CredentialRow | undefined,
  reason: string,
  locked: boolean,
): Promise<void> {
  await ctx.db.tx(accessOfCredentials(user), (tx) =>
    recordAudit(tx, ctx, {
      action: 'auth.login',
      outcome: 'failure',
      actorUserId: user?.id ?? null,
      actorOrgId: user?.organisation_id ?? null,
      tenantComune: user?.comune_istat ?? null,
      details: { reason, locked },
    }),
  );
}

/** Ends the current session on the server. */
export async function logout(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await ctx.db.tx(accessOf(actor), async (tx) => {
    await revokeSession(tx, actor.sessionId, ctx.clock.now(), 'logout');
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
  });
}

export async function getMe(ctx: Ctx): Promise<Me> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const me = await ctx.db.tx(accessOf(actor), (tx) => selectMe(tx, actor.userId));
  if (!me) throw new AppError('auth.required');
  return {
    ...me,
    roles: actor.roles as Me['roles'],
    permissions: [...actor.permissions].sort(),
    scope: actor.scope,
    demoMode: ctx.config.demoMode,
    mustEnrolTotp: actor.mustEnrolTotp,
    mustChangePassword: actor.mustChangePassword ?? false,
  };
}

/**
 * Changes the actor's own password; every other session of theirs ends. A password an
 * administrator had set is thereby replaced, and the account is free to do the rest.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  body: { currentPassword: string; newPassword: string },
): Promise<void> {
  assertCan(ctx.actor, 'profile.manage');
  const actor = ctx.actor;
  const creds = await ctx.db.tx(accessOf(actor), (tx) => selectCredentialsById(tx, actor.userId));
  if (!creds || !(await verifyPassword(creds.password_hash, body.currentPassword))) {
    throw new AppError('auth.wrong_password', 'The current password is not correct.', {
      fieldIssues: [{ path: 'body.currentPassword', message: 'Not correct', code: 'wrong_password' }],
    });
  }
  if (body.newPassword === body.currentPassword) {
    throw new AppError('request.invalid', 'The new password must differ from the current one.', {
      fieldIssues: [{ path: 'body.newPassword', message: 'Same as the current one', code: 'same_password' }],
    });
  }
  const hash = await hashPassword(body.newPassword);
  await ctx.db.tx(accessOf(actor), async (tx) => {
    const now = ctx.clock.now();
    await updatePasswordHash(tx, actor.userId, hash, now);
    const ended = await revokeUserSessions(tx, actor.userId, now, 'password_changed', actor.sessionId);
    await recordAudit(tx, ctx, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: actor.userId,
      details: { sessionsEnded: ended, ...(actor.mustChangePassword ? { setByAdministrator: true } : {}) },
    });
  });
}

/** Starts TOTP enrolment: a new secret, pending until a code from it is confirmed. */
export async function startTotpEnrolment(ctx: Ctx): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  assertCan(ctx.actor, 'profile.manage');
  const actor = ctx.actor;
  const secret = newTotpSecret();
  await ctx.db.tx(accessOf(actor), async (tx) => {
    await updateTotp(tx, actor.userId, { pending: sealTotpSecret(ctx.cipher, actor.userId, secret) }, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'user.totp_setup', entityType: 'user', entityId: actor.userId });
  });
  return { secret, ...(await totpEnrolment(secret, actor.email)) };
}

/** Confirms enrolment with a code from the pending secret; the current session counts as verified. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<void> {
  assertCan(ctx.actor, 'profile.manage');
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const creds = await ctx.db.tx(accessOf(actor), (tx) => selectCredentialsById(tx, actor.userId));
  if (!creds?.totp_pending_secret) throw new AppError('auth.totp_not_pending', 'Start the enrolment first.');
  const step = await checkTotp(openTotpSecret(ctx.cipher, actor.userId, creds.totp_pending_secret), code, now, null);
  if (step === null) {
    throw new AppError('request.invalid', 'The verification code is not valid.', {
      fieldIssues: [{ path: 'body.code', message: 'Not valid', code: 'totp_invalid' }],
    });
  }
  await ctx.db.tx(accessOf(actor), async (tx) => {
    await updateTotp(
      tx,
      actor.userId,
      { secret: creds.totp_pending_secret, pending: null, enabled: true, lastStep: step },
      now,
    );
    await markSessionSecondFactor(tx, actor.sessionId);
    const ended = await revokeUserSessions(tx, actor.userId, now, 'totp_enrolled', actor.sessionId);
    await recordAudit(tx, ctx, {
      action: 'user.totp_enable',
      entityType: 'user',
      entityId: actor.userId,
      details: { sessionsEnded: ended },
    });
  });
}
