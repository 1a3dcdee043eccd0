/** Administration of accounts: create, change roles, disable, reset a password. */
import { accessOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Page } from '../../platform/pagination.js';
import { assertCan, type Role } from '../../platform/policy.js';
import { recordAudit } from '../audit/index.js';
import { selectOrganisation } from '../registry/index.js';
import { hashPassword } from './access.credentials.js';
import {
  insertUser,
  replaceUserRoles,
  revokeUserSessions,
  selectUser,
  selectUserIdByEmail,
  selectUserPage,
  updatePasswordHash,
  updateUserFields,
} from './access.repo.js';
import { rolesNotAllowed } from './access.rules.js';
import type { CreateUserBody, UpdateUserBody, User, UserQuery } from './access.schema.js';

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

/** Sets a new password chosen by the administrator; the user's sessions end. TOTP stays required. */
export async function resetUserPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  assertCan(ctx.actor, 'users.manage');
  const hash = await hashPassword(newPassword);
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const user = await selectUser(tx, id);
    if (!user) throw new AppError('user.not_found');
    const now = ctx.clock.now();
    await updatePasswordHash(tx, id, hash, now);
    const ended = await revokeUserSessions(tx, id, now, 'password_reset');
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      details: { sessionsEnded: ended },
    });
  });
}
