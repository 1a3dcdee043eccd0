/** Closed lists of the domain, in display order; their labels are in the i18n catalogues. */
import type { Band, ComuniSort, OrganisationType, Role } from '../api/models';

export const ROLES = [
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
] as const satisfies readonly Role[];

export const ORGANISATION_TYPES = [
  'comune',
  'regione',
  'mlps',
  'anci',
  'cittalia',
  'ente_gestore',
  'prefettura',
  'questura',
  'inl',
  'asl',
  'cpi',
  'sindacato',
  'terzo_settore',
  'societa_revisione',
  'piattaforma',
  'altro',
] as const satisfies readonly OrganisationType[];

export const BANDS = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const satisfies readonly Band[];

export const COMUNI_SORTS = [
  'name',
  '-name',
  '-population',
  'population',
  'istatCode',
] as const satisfies readonly ComuniSort[];

export const USER_STATUSES = ['active', 'disabled'] as const;

/** ISTAT geographical areas: Nord-ovest, Nord-est, Centro, Sud, Isole. */
export const MACRO_AREAS = ['NO', 'NE', 'C', 'S', 'I'] as const;

/**
 * Where an organisation of each type sits: a Comune must name its Comune, a Regione its Region,
 * national bodies neither; for local bodies (ASL, CPI, enti gestori…) the place is optional.
 */
export type PlaceRule = 'comune' | 'regione' | 'none' | 'optional';

export function placeRuleOf(type: OrganisationType): PlaceRule {
  switch (type) {
    case 'comune':
      return 'comune';
    case 'regione':
      return 'regione';
    case 'mlps':
    case 'anci':
    case 'cittalia':
    case 'piattaforma':
      return 'none';
    default:
      return 'optional';
  }
}

/** The server's password policy minimum; checked here too so the form can say it before sending. */
export const PASSWORD_MIN_LENGTH = 12;
