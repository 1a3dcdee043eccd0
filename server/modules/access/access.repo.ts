import type { Queryable } from '../../platform/db/db.js';
import { Where, offsetOf } from '../../platform/pagination.js';
import type { User, UserQuery } from './access.schema.js';

/** What makes an actor: the user's state, organisation (with its place) and roles. */
interface ActorColumns {
  email: string;
  status: string;
  totp_enabled: boolean;
  is_demo: boolean;
  must_change_password: boolean;
  organisation_id: string;
  org_type: string;
  comune_istat: string | null;
  region_code: string | null;
  roles: string[];
}

const actorColumns = `u.email, u.status, u.totp_enabled, u.is_demo, u.must_change_password, u.organisation_id, o.type AS org_type, o.comune_istat,
  coalesce(o.region_code, c.region_code) AS region_code,
  ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles`;
const actorJoins = `JOIN organisations o ON o.id = u.organisation_id LEFT JOIN comuni c ON c.istat_code = o.comune_istat`;

export interface SessionRow extends ActorColumns {
  id: string;
  user_id: string;
  second_factor: boolean;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  /** Set when the session has ended, with why (so the 401 can say it). */
  revoked_at: Date | null;
  revoked_reason: string | null;
}

/**
 * The session behind a token hash, with what the request context needs: one query. An ended
 * session is returned too (revoked_at set), so the answer can say why it ended.
 */
export async function selectSessionByTokenHash(tx: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await tx.query<SessionRow>(
    `SELECT s.id, s.user_id, s.second_factor, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at,
            s.revoked_reason, ${actorColumns}
       FROM sessions s JOIN users u ON u.id = s.user_id ${actorJoins}
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

export async function touchSession(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
}

export async function insertSession(
  tx: Queryable,
  s: { tokenHash: string; userId: string; secondFactor: boolean; now: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO sessions (token_hash, user_id, second_factor, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
    [s.tokenHash, s.userId, s.secondFactor, s.now, s.expiresAt],
  );
  return row!.id;
}

export async function revokeSession(tx: Queryable, id: string, now: Date, reason: string): Promise<void> {
  await tx.query('UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL', [
    id,
    now,
    reason,
  ]);
}

export async function revokeSessionByTokenHash(
  tx: Queryable,
  tokenHash: string,
  now: Date,
  reason: string,
): Promise<void> {
  await tx.query(
    'UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash, now, reason],
  );
}

/** Ends every session of a user, except `keepSessionId` when given; returns how many ended. */
export async function revokeUserSessions(
  tx: Queryable,
  userId: string,
  now: Date,
  reason: string,
  keepSessionId: string | null = null,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE sessions SET revoked_at = $2, revoked_reason = $3
      WHERE user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid) RETURNING id`,
    [userId, now, reason, keepSessionId],
  );
  return rows.length;
}

export async function markSessionSecondFactor(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE sessions SET second_factor = true WHERE id = $1', [id]);
}

export interface CredentialRow extends ActorColumns {
  id: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}

const credentialColumns = `u.id, u.password_hash, u.totp_secret, u.totp_pending_secret, u.totp_last_step, ${actorColumns}
  FROM users u ${actorJoins}`;

export async function selectCredentialsByEmail(tx: Queryable, email: string): Promise<CredentialRow | undefined> {
  const [row] = await tx.query<CredentialRow>(`SELECT ${credentialColumns} WHERE u.email = $1`, [email]);
  return row;
}

export async function selectCredentialsById(tx: Queryable, id: string): Promise<CredentialRow | undefined> {
  const [row] = await tx.query<CredentialRow>(`SELECT ${credentialColumns} WHERE u.id = $1`, [id]);
  return row;
}

/** One login attempt reserved against the lockout counter of an email (see reserveLoginAttempt). */
export interface LoginAttempt {
  /** The attempt's number in the current window; above the limit it is refused. */
  attempt: number;
  locked_until: Date | null;
}

/**
 * Reserves the next login attempt of a key in one atomic statement, before any password is
 * checked, so that concurrent requests are counted one by one (the row is locked while the
 * statement runs). `failures` counts the attempts of the current window, pending ones included;
 * the attempt that reaches `limit` locks the key until `lockUntil`. While locked, the answer is
 * `limit + 1` (refused). A window older than `windowCutoff`, or a lock that has run out, starts a
 * new window. A successful login deletes the row (deleteThrottle).
 */
export async function reserveLoginAttempt(
  tx: Queryable,
  keyHash: string,
  o: { now: Date; windowCutoff: Date; lockUntil: Date; limit: number },
): Promise<LoginAttempt> {
  const [row] = await tx.query<LoginAttempt>(
    `INSERT INTO login_throttle AS t (key_hash, failures, window_start, locked_until)
     VALUES ($1, 1, $2, CASE WHEN $5::int <= 1 THEN $4::timestamptz END)
     ON CONFLICT (key_hash) DO UPDATE SET
       failures = CASE
         WHEN t.locked_until > $2 THEN $5::int + 1
         WHEN t.locked_until IS NOT NULL OR t.window_start <= $3 THEN 1
         ELSE least(t.failures + 1, $5::int + 1) END,
       window_start = CASE
         WHEN t.locked_until > $2 THEN t.window_start
         WHEN t.locked_until IS NOT NULL OR t.window_start <= $3 THEN $2
         ELSE t.window_start END,
       locked_until = CASE
         WHEN t.locked_until > $2 THEN t.locked_until
         WHEN t.locked_until IS NOT NULL OR t.window_start <= $3 THEN CASE WHEN $5::int <= 1 THEN $4::timestamptz END
         WHEN t.failures + 1 >= $5::int THEN $4::timestamptz
         ELSE NULL END
     RETURNING failures AS attempt, locked_until`,
    [keyHash, o.now, o.windowCutoff, o.lockUntil, o.limit],
  );
  return row!;
}

export async function deleteThrottle(tx: Queryable, keyHash: string): Promise<void> {
  await tx.query('DELETE FROM login_throttle WHERE key_hash = $1', [keyHash]);
}

export async function updateLastLogin(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [userId, now]);
}

/** Sets a password; `mustChange` when an administrator chose it (its owner changes it at next login). */
export async function updatePasswordHash(
  tx: Queryable,
  userId: string,
  hash: string,
  now: Date,
  mustChange = false,
): Promise<void> {
  await tx.query(
    `UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3, must_change_password = $4
      WHERE id = $1`,
    [userId, hash, now, mustChange],
  );
}

/** Forgets the second factor (confirmed and pending): the user enrols again at the next login. */
export async function clearTotp(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled = false, totp_last_step = NULL,
            updated_at = $2
      WHERE id = $1`,
    [userId, now],
  );
}

export async function updateTotp(
  tx: Queryable,
  userId: string,
  t: { secret?: string | null; pending?: string | null; enabled?: boolean; lastStep?: number | null },
  now: Date,
): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [userId, now];
  const set = (col: string, v: unknown) => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (t.secret !== undefined) set('totp_secret', t.secret);
  if (t.pending !== undefined) set('totp_pending_secret', t.pending);
  if (t.enabled !== undefined) set('totp_enabled', t.enabled);
  if (t.lastStep !== undefined) set('totp_last_step', t.lastStep);
  await tx.query(`UPDATE users SET ${sets.join(', ')}, updated_at = $2 WHERE id = $1`, params);
}

// ---------------------------------------------------------------------------------------------
// Users (administration)
// ---------------------------------------------------------------------------------------------
const userColumns = `u.id, u.email, u.display_name, u.organisation_id, o.name AS organisation_name, u.status,
  u.totp_enabled, u.must_change_password, u.last_login_at, u.created_at,
  ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles
  FROM users u JOIN organisations o ON o.id = u.organisation_id`;

interface UserDbRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  status: User['status'];
  totp_enabled: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  created_at: Date;
  roles: User['roles'];
}

function toUser(r: UserDbRow): User {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    roles: r.roles,
    status: r.status,
    totpEnabled: r.totp_enabled,
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
  };
}

export async function selectUser(tx: Queryable, id: string): Promise<User | undefined> {
  const [row] = await tx.query<UserDbRow>(`SELECT ${userColumns} WHERE u.id = $1`, [id]);
  return row ? toUser(row) : undefined;
}

export async function selectUserPage(tx: Queryable, q: UserQuery): Promise<{ items: User[]; total: number }> {
  const w = new Where();
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    w.add('(u.email LIKE $? OR lower(u.display_name) LIKE $?)', like);
  }
  if (q.organisationId) w.add('u.organisation_id = $?', q.organisationId);
  if (q.role) w.add('EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $?)', q.role);
  if (q.status) w.add('u.status = $?', q.status);
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM users u ${w}`, w.params);
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  const rows = await tx.query<UserDbRow>(
    `SELECT ${userColumns} ${w} ORDER BY u.email LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { items: rows.map(toUser), total: count?.n ?? 0 };
}

export async function insertUser(
  tx: Queryable,
  u: {
    email: string;
    displayName: string;
    organisationId: string;
    passwordHash: string | null;
    isDemo: boolean;
    now: Date;
    /** The password was chosen by an administrator: its owner changes it at the first login. */
    mustChangePassword?: boolean;
  },
): Promise<string> {
  // the column is named only when set (its default is false), so that the same insert also
  // serves databases of an earlier release being seeded before their upgrade (migrations.test)
  const must = u.mustChangePassword === true;
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO users (email, display_name, organisation_id, password_hash, is_demo, password_changed_at, created_at,
                        updated_at${must ? ', must_change_password' : ''})
     VALUES ($1, $2, $3, $4, $5, $6, $6, $6${must ? ', true' : ''}) RETURNING id`,
    [u.email, u.displayName, u.organisationId, u.passwordHash, u.isDemo, u.now],
  );
  return row!.id;
}

export async function selectUserIdByEmail(tx: Queryable, email: string): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  return row?.id;
}

export async function replaceUserRoles(tx: Queryable, userId: string, userRoles: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
  for (const role of userRoles) {
    await tx.query('INSERT INTO user_roles (user_id, role) VALUES ($1, $2)', [userId, role]);
  }
}

export async function updateUserFields(
  tx: Queryable,
  userId: string,
  f: { displayName?: string; status?: string },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE users SET display_name = coalesce($2, display_name), status = coalesce($3, status), updated_at = $4
      WHERE id = $1`,
    [userId, f.displayName ?? null, f.status ?? null, now],
  );
}
