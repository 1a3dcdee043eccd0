/**
 * Roles and the permission check (PRODUCT.md §3). The roles are the platform's; each module
 * declares its own permissions as a policy table (`definePolicy` in `<module>.policy.ts`), and
 * the role × permission matrix is assembled from them (docs/PERMISSIONS.md is generated from it,
 * and the role × endpoint tests read it). Services call `assertCan`; routes only authenticate.
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
  'compilatore_indagine',
  'validatore_indagine',
] as const;
export type Role = (typeof roles)[number];

/**
 * Every permission, by name. Modules add theirs by declaration merging
 * (`declare module '…/platform/policy.js' { interface Permissions extends Record<PilotPermission, true> {} }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Permissions {}
export type Permission = Extract<keyof Permissions, string>;

/** A module's policy table: which roles hold each of its permissions. */
export type PolicyTable<P extends string> = Record<P, readonly Role[]>;

const declared = new Map<string, readonly Role[]>();

/**
 * Declares a module's permissions as a table, permission → roles holding it, readable at a glance
 * in the module's `<module>.policy.ts`. Called once per module; a permission declared twice stops
 * the start. Returns the permission names.
 */
export function definePolicy<const P extends string>(table: PolicyTable<P>): P[] {
  for (const [permission, holders] of Object.entries<readonly Role[]>(table)) {
    if (declared.has(permission)) throw new Error(`Permission ${permission} declared twice`);
    declared.set(permission, holders);
  }
  return Object.keys(table) as P[];
}

/** Every declared permission, sorted: the `Permission` enum of the OpenAPI document. */
export function declaredPermissions(): Permission[] {
  return [...declared.keys()].sort() as Permission[];
}

/** Role → permissions, assembled from every module's policy table. */
export function permissionsOfRole(role: Role): Permission[] {
  return [...declared.entries()].filter(([, holders]) => holders.includes(role)).map(([p]) => p as Permission);
}

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
  compilatore_indagine: false,
  validatore_indagine: false,
};

export function permissionsOf(userRoles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const [permission, holders] of declared) {
    if (userRoles.some((r) => holders.includes(r as Role))) out.add(permission as Permission);
  }
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
