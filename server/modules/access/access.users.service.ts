/** Administration of accounts: create, change roles, disable, reset a password. */
import { accessOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Page } from '../../platform/pagination.js';
import { assertCan, type Role } from '../../platform/policy.js';
import { recordAudit } from '../audit/index.js';
import { selectOrganisation } from '../registry/index.js';
import { hashPassword } from './access.credentials.js';
import {
  clearTotp,
  insertUser,
  replaceUserRoles,
  revokeUserSessions,
  selectUser,
  selectUserIdByEmail,
  selectUserPage,
  updatePasswordHash,
  updateUserFields,
} from './access.repo.js';
import { rolesAllowed, rolesNotAllowed } from './access.rules.js';
import type { AllowedRoles, CreateUserBody, UpdateUserBody, User, UserQuery } from './access.schema.js';

export async function findUsers(ctx: Ctx, q: UserQuery): Promise<Page<User>> {
  assertCan(ctx.actor, 'users.manage');
  const { items, total } = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectUserPage(tx, q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  assertCan(ctx.actor, 'users.manage');
  const user = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectUser(tx, id));
  if (!user) throw new AppError('user.not_found');
  return user;
}

function roleError(notAllowed: Role[]): AppError {
  return new AppError('user.role_not_allowed', `The organisation cannot hold: ${notAllowed.join(', ')}`, {
    fieldIssues: [
      {
        path: 'body.roles',
        message: `Not allowed for this organisation: ${notAllowed.join(', ')}`,
        code: 'role_not_allowed',
      },
    ],
  });
}

/** Creates an account in an organisation with roles that the organisation can hold. */
export async function createUser(ctx: Ctx, body: CreateUserBody): Promise<User> {
  assertCan(ctx.actor, 'users.manage');
  const hash = await hashPassword(body.password);
  const id = await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const org = await selectOrganisation(tx, body.organisationId);
    if (!org) {
      throw new AppError('organisation.not_found', 'Unknown organisation', {
        fieldIssues: [{ path: 'body.organisationId', message: 'Unknown organisation', code: 'not_found' }],
      });
    }
    if (!org.active) {
      throw new AppError('organisation.inactive', 'The organisation is not active: it gets no new accounts.', {
        fieldIssues: [{ path: 'body.organisationId', message: 'Not active', code: 'organisation_inactive' }],
      });
    }
    const notAllowed = rolesNotAllowed(org, body.roles);
    if (notAllowed.length) throw roleError(notAllowed);
    if (await selectUserIdByEmail(tx, body.email))
      throw new AppError('user.email_taken', 'That email already has an account.');
    const newId = await insertUser(tx, {
      email: body.email,
      displayName: body.displayName,
      organisationId: org.id,
      passwordHash: hash,
      isDemo: false,
      now: ctx.clock.now(),
      // the administrator chose this password: its owner replaces it at the first login
      mustChangePassword: true,
    });
    await replaceUserRoles(tx, newId, body.roles);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: newId,
      tenantComune: org.comuneIstat,
      details: { roles: body.roles, organisationId: org.id },
    });
    return newId;
  });
  return getUser(ctx, id);
}

/** Changes name, roles or status; disabling ends every session of the user at once. */
export async function updateUser(ctx: Ctx, id: string, body: UpdateUserBody): Promise<User> {
  assertCan(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  await ctx.db.tx(accessOf(actor), async (tx) => {
    const user = await selectUser(tx, id);
    if (!user) throw new AppError('user.not_found');
    if (body.status === 'disabled' && id === actor.userId) {
      throw new AppError('user.cannot_disable_self', 'You cannot disable your own account.');
    }
    const org = await selectOrganisation(tx, user.organisationId);
    if (body.roles && org) {
      const notAllowed = rolesNotAllowed(org, body.roles);
      if (notAllowed.length) throw roleError(notAllowed);
    }
    const now = ctx.clock.now();
    await updateUserFields(
      tx,
      id,
      {
        ...(body.displayName ? { displayName: body.displayName } : {}),
        ...(body.status ? { status: body.status } : {}),
      },
      now,
    );
    if (body.roles) await replaceUserRoles(tx, id, body.roles);
    let ended = 0;
    // a change of roles or a disable must not leave a session with the old powers alive
    if (body.status === 'disabled' || body.roles)
      ended = await revokeUserSessions(tx, id, now, body.status === 'disabled' ? 'user_disabled' : 'roles_changed');
    await recordAudit(tx, ctx, {
      action:
        body.status === 'disabled'
          ? 'user.disable'
          : body.status === 'active' && user.status === 'disabled'
            ? 'user.enable'
            : 'user.update',
      entityType: 'user',
      entityId: id,
      tenantComune: org?.comuneIstat ?? null,
      details: { fields: Object.keys(body), ...(body.roles ? { roles: body.roles } : {}), sessionsEnded: ended },
    });
  });
  return getUser(ctx, id);
}

/**
 * Sets a new password chosen by the administrator; the user's sessions end, and the user must
 * change it at the next login. TOTP stays required.
 */
export async function resetUserPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  assertCan(ctx.actor, 'users.manage');
  const hash = await hashPassword(newPassword);
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const user = await selectUser(tx, id);
    if (!user) throw new AppError('user.not_found');
    const now = ctx.clock.now();
    await updatePasswordHash(tx, id, hash, now, true);
    const ended = await revokeUserSessions(tx, id, now, 'password_reset');
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      details: { sessionsEnded: ended },
    });
  });
}

/**
 * Forgets a user's second factor (a lost phone): their sessions end, and at the next login a user
 * whose roles require TOTP is taken to enrol again before anything else. An administrator cannot
 * reset their own (another administrator does it).
 */
export async function resetUserTotp(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  await ctx.db.tx(accessOf(actor), async (tx) => {
    const user = await selectUser(tx, id);
    if (!user) throw new AppError('user.not_found');
    if (id === actor.userId) {
      throw new AppError('user.cannot_reset_own_totp', 'Another administrator must reset your second factor.');
    }
    const org = await selectOrganisation(tx, user.organisationId);
    const now = ctx.clock.now();
    await clearTotp(tx, id, now);
    const ended = await revokeUserSessions(tx, id, now, 'totp_reset');
    await recordAudit(tx, ctx, {
      action: 'user.totp_reset',
      entityType: 'user',
      entityId: id,
      tenantComune: org?.comuneIstat ?? null,
      details: { wasEnabled: user.totpEnabled, sessionsEnded: ended },
    });
  });
}

/** The roles an account of the organisation may hold: what the role picker offers. */
export async function getAllowedRoles(ctx: Ctx, organisationId: string): Promise<AllowedRoles> {
  assertCan(ctx.actor, 'users.manage');
  const org = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectOrganisation(tx, organisationId));
  if (!org) throw new AppError('organisation.not_found');
  return {
    organisationId: org.id,
    organisationType: org.type,
    comuneBound: org.comuneIstat !== null,
    active: org.active,
    roles: rolesAllowed(org),
  };
}
