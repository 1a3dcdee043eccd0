import type { Scope } from '../../platform/context.js';
import { roles, type Role } from '../../platform/policy.js';

export interface OrgPlace {
  type: string;
  comuneIstat: string | null;
  regionCode: string | null;
}

/**
 * The actor's scope follows from the organisation: a Comune or a body tied to a Comune (ente
 * gestore, ASL, …) sees that Comune; a Regione its region; national bodies the country. The
 * platform administrator's scope is the platform (configuration, never case data).
 */
export function scopeOf(org: OrgPlace, userRoles: readonly string[]): Scope {
  if (userRoles.includes('amministratore')) return { level: 'platform', comuneIstat: null, regionCode: null };
  if (org.comuneIstat) return { level: 'comune', comuneIstat: org.comuneIstat, regionCode: org.regionCode };
  if (org.regionCode) return { level: 'regione', comuneIstat: null, regionCode: org.regionCode };
  return { level: 'national', comuneIstat: null, regionCode: null };
}

/** Which kinds of organisation may hold each role (a referente comunale belongs to a Comune, …). */
export const roleOrganisationTypes: Record<Role, readonly string[] | 'comune-bound'> = {
  operatore: 'comune-bound',
  referente_comunale: ['comune'],
  responsabile_amministrativo: ['comune'],
  revisore: ['societa_revisione', 'altro'],
  regione: ['regione'],
  assistenza_tecnica: ['anci', 'cittalia'],
  mlps: ['mlps'],
  amministratore: ['piattaforma', 'anci', 'cittalia'],
  compilatore_indagine: ['comune'],
  validatore_indagine: ['comune'],
};

/** The roles that the organisation can hold, in the platform's order. */
export function rolesAllowed(org: OrgPlace): Role[] {
  return roles.filter((r) => rolesNotAllowed(org, [r]).length === 0);
}

/** Returns the roles that the organisation cannot hold (empty when all fit). */
export function rolesNotAllowed(org: OrgPlace, userRoles: readonly Role[]): Role[] {
  return userRoles.filter((r) => {
    const allowed = roleOrganisationTypes[r];
    if (allowed === 'comune-bound') return !org.comuneIstat;
    return !allowed.includes(org.type);
  });
}

/** Why a session the request carried has ended, as the 401 tells the client (decision 0024). */
export type SessionEnd =
  | 'idle'
  | 'expired'
  | 'logged_out'
  | 'account_disabled'
  | 'roles_changed'
  | 'credentials_changed'
  | 'ended';

/** The stored reason of a revoked session, in the client's terms; unknown or none → 'ended'. */
export function sessionEndOf(revokedReason: string | null): SessionEnd {
  switch (revokedReason) {
    case 'idle':
    case 'expired':
    case 'roles_changed':
      return revokedReason;
    case 'logout':
      return 'logged_out';
    case 'user_disabled':
      return 'account_disabled';
    case 'password_changed':
    case 'password_reset':
    case 'totp_enrolled':
    case 'totp_reset':
      return 'credentials_changed';
    default:
      return 'ended';
  }
}
