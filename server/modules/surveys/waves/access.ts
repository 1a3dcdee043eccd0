/** Who may do what with the waves, beyond one permission. */
import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, type Permission } from '../../../platform/policy.js';

/** Throws 403 unless the actor holds one of the permissions. */
export function assertAny(actor: Actor | null, permissions: Permission[]): asserts actor is Actor {
  if (!actor) throw new AppError('auth.required');
  if (!permissions.some((p) => actor.permissions.has(p))) assertCan(actor, permissions[0]!);
}

/** Those who follow a wave's progress: MLPS and administrators read-only, ANCI/Cittalia who run and review it. */
export const followers: Permission[] = ['surveys.read', 'surveys.waves.manage', 'surveys.review'];

/** A Comune's own user acts on their Comune only (row-level security is the second wall). */
export function assertOwnComune(actor: Actor, istat: string): void {
  if (actor.scope.level === 'comune' && actor.scope.comuneIstat !== istat)
    throw new AppError('forbidden', 'Only the own Comune');
  if (actor.scope.level === 'regione') throw new AppError('forbidden', 'Read-only for a Regione');
}

/** A 'YYYY-MM-DD' date in Italian time. */
export function romeDay(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}
