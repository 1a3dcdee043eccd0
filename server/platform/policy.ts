/**
 * The one permission table of the platform (PRODUCT.md §3). Services call `assertCan`; routes
 * only authenticate. Later modules add their permissions here, so the whole matrix reads in one
 * place and the role × endpoint tests are generated from it.
 */
import { AppError } from './errors.js';
import type { Actor } from './context.js';

export const roles = [
  'operatore',
  'referente_comunale',
  'responsabile_amministrativo',
  'revisore',
  'regione',
  'assistenza_tecnica',
  'mlps',
  'amministratore',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'registry.read',
  'registry.manage',
  'organisations.read',
  'organisations.manage',
  'users.manage',
  'audit.read',
  'audit.verify',
  'profile.manage',
  // pilot 18-ter (case management): person-level data stays in the Comune
  'pilot.cases.read',
  'pilot.cases.write',
  'pilot.cases.decide',
  'pilot.cases.export',
  'pilot.tasks.read',
  'pilot.pseudonymised.read',
  'pilot.comparative.read',
  'pilot.budget.read',
  'pilot.budget.manage',
  'pilot.issues.read',
  'pilot.issues.manage',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['registry.read', 'organisations.read', 'profile.manage'];

/** Role → permissions. Reading audit rows is further limited by row-level security to the tenant. */
export const permissionTable: Record<Role, readonly Permission[]> = {
  // the case manager: full data of the cases assigned to them (the service checks the assignment)
  operatore: [...everyone, 'pilot.cases.read', 'pilot.cases.write', 'pilot.tasks.read', 'pilot.comparative.read'],
  // the Comune's side: every case of the Comune; admits, revokes, approves PAIs; exports
  referente_comunale: [...everyone, 'audit.read', 'pilot.cases.read', 'pilot.cases.write', 'pilot.cases.decide',
    'pilot.cases.export', 'pilot.tasks.read', 'pilot.comparative.read', 'pilot.budget.read', 'pilot.issues.read',
    'pilot.issues.manage'],
  // finance of the Comune, no person-level data
  responsabile_amministrativo: [...everyone, 'pilot.comparative.read', 'pilot.budget.read', 'pilot.issues.read'],
  revisore: [...everyone],
  // aggregates only, disclosure-controlled
  regione: [...everyone, 'pilot.comparative.read'],
  // pseudonymised rows for data-quality support, never identity
  assistenza_tecnica: [...everyone, 'pilot.pseudonymised.read', 'pilot.comparative.read', 'pilot.budget.read',
    'pilot.issues.read', 'pilot.issues.manage'],
  // fixed disclosure-controlled tables only
  mlps: [...everyone, 'pilot.comparative.read', 'pilot.budget.read', 'pilot.issues.read'],
  amministratore: [...everyone, 'registry.manage', 'organisations.manage', 'users.manage', 'audit.read', 'audit.verify',
    'pilot.budget.read', 'pilot.budget.manage'],
};

/**
 * Roles that can see personal data of beneficiaries, or change who can: outside demo mode they
 * must pass a TOTP second factor before any other request.
 */
export const secondFactorRequired: Record<Role, boolean> = {
  operatore: true,
  referente_comunale: true,
  responsabile_amministrativo: false,
  revisore: true,
  regione: false,
  assistenza_tecnica: false,
  mlps: false,
  amministratore: true,
};

export function permissionsOf(userRoles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of userRoles) for (const p of permissionTable[r as Role] ?? []) out.add(p);
  return out;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return !!actor && actor.permissions.has(permission);
}

/** Throws 403 `forbidden` unless the actor holds the permission. */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('auth.required');
  if (!actor.permissions.has(permission)) throw new AppError('forbidden', `Missing permission ${permission}`);
}
