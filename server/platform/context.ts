import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { FieldCipher } from './crypto.js';
import type { Database, DbAccess } from './db/db.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** How far an actor's view reaches, derived from their organisation and roles. */
export interface Scope {
  level: 'comune' | 'regione' | 'national' | 'platform';
  comuneIstat: string | null;
  regionCode: string | null;
}

/** The authenticated person behind a request. */
export interface Actor {
  userId: string;
  email: string;
  organisationId: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  scope: Scope;
  sessionId: string;
  /** The session passed a second factor (TOTP). */
  secondFactor: boolean;
  /** A second factor is mandatory for these roles but not enrolled yet: only enrolment is allowed. */
  mustEnrolTotp: boolean;
  /** The password was set by an administrator: only changing it is allowed (absent: false). */
  mustChangePassword?: boolean;
}

/** Everything a service needs, passed explicitly: no ambient globals. */
export interface Ctx {
  actor: Actor | null;
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  config: Config;
  /** Encrypts and decrypts identity fields; keys the blind indexes. */
  cipher: FieldCipher;
  requestId: string;
  ip: string;
}

/** The database access settings (row-level security) for an actor. */
export function accessOf(actor: Actor | null): DbAccess {
  if (!actor) return { scope: 'anonymous', tenant: null, region: null, userId: null };
  return {
    scope: actor.scope.level,
    tenant: actor.scope.comuneIstat,
    region: actor.scope.regionCode,
    userId: actor.userId,
  };
}
