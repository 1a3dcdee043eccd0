/**
 * Nationality (EU/EEA/CH or third country) and eligibility for the art. 6 DL 145/2024 assistance
 * measures, explained with their legal reference. Pure: no I/O, no clock (the caller passes
 * `today`).
 */
import type { PermitBasis, PermitStatus, Relation } from './vocab.js';
import { degreeIt, kinshipOf } from './kinship.js';
import { labelOf } from './labels.js';
import { isPermitValidForAdmission } from './permits.js';

/**
 * ISO 3166-1 alpha-2 codes of the 27 EU member states (Greece is 'GR', not the EU's 'EL'), the
 * other EEA states (Iceland, Liechtenstein, Norway) and Switzerland: their citizens enjoy free
 * movement and are not "cittadini di paesi terzi" for art. 18-ter TUI.
 */
export const euEeaChCountries: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'IS',
  'LI',
  'NO',
  'CH',
]);

/** True for two upper-case letters (the shape of an ISO 3166-1 alpha-2 code). */
export function isCountryCode(s: string): boolean {
  return /^[A-Z]{2}$/.test(s);
}

/**
 * True when at least one nationality is known and none is EU/EEA/CH. A dual national with one EU
 * citizenship is an EU citizen (the more favourable status prevails), so is not a third-country
 * national. An empty list is "unknown", not "third country": the caller must ask.
 */
export function isThirdCountryNational(nationalities: string[]): boolean {
  return nationalities.length > 0 && !nationalities.some((n) => euEeaChCountries.has(n.trim().toUpperCase()));
}

/** Who asks for admission: the permit holder, or a family member of a holder. */
export type EligibilityInput =
  | { role: 'titolare'; nationalities: string[]; permit: { basis: PermitBasis; status: PermitStatus } | null }
  | { role: 'familiare'; nationalities: string[]; relation: Relation; holderAdmitted: boolean };

export interface Eligibility {
  eligible: boolean;
  /** Stable machine code, e.g. 'titolare_18ter', 'permesso_scaduto'. */
  code: string;
  /** User-facing Italian sentence starting with "Ammissibile perché" or "Non ammissibile perché". */
  explanation: string;
  legalReference: string;
}

const REF_MEASURES = 'art. 6 DL 145/2024 (conv. L. 187/2024); art. 18-ter D.Lgs. 286/1998';
const REF_FAMILY = `${REF_MEASURES}; artt. 74-78 c.c.`;

const permitRefusals: Partial<Record<PermitStatus, { code: string; why: string }>> = {
  revocato: { code: 'permesso_revocato', why: 'il permesso di soggiorno art. 18-ter è stato revocato' },
  scaduto: {
    code: 'permesso_scaduto',
    why: 'il permesso di soggiorno art. 18-ter è scaduto e non ne è stato chiesto il rinnovo',
  },
  convertito: {
    code: 'permesso_convertito',
    why: 'il permesso di soggiorno art. 18-ter è stato convertito in un permesso di altro tipo (lavoro o studio)',
  },
  in_istruttoria: {
    code: 'permesso_in_istruttoria',
    why: 'il permesso di soggiorno art. 18-ter è ancora in istruttoria: serve almeno la ricevuta della Questura',
  },
};

/**
 * Whether a person can be admitted to the assistance measures of art. 6 DL 145/2024, with a stable
 * code and an Italian explanation for the operator and the person. The holder needs a valid
 * art. 18-ter permit; a family member needs an admitted holder and kinship or affinity within the
 * second degree.
 *
 * The spouse is admitted ('coniuge') although art. 78 c.c. makes the spouse neither parente nor
 * affine: the spouse belongs to the holder's nucleo familiare, which art. 18-ter c. 1 TUI protects.
 * ⚠ This interpretation must be confirmed by the pilot's convention with the Ministry.
 */
export function assessEligibility(input: EligibilityInput): Eligibility {
  const familiare = input.role === 'familiare';
  const ref = familiare ? REF_FAMILY : REF_MEASURES;
  const no = (code: string, why: string): Eligibility => ({
    eligible: false,
    code,
    explanation: `Non ammissibile perché ${why}.`,
    legalReference: ref,
  });
  const yes = (code: string, why: string): Eligibility => ({
    eligible: true,
    code,
    explanation: `Ammissibile perché ${why}.`,
    legalReference: ref,
  });

  if (input.nationalities.length === 0) {
    return no(
      'nazionalita_mancante',
      'non è indicata alcuna cittadinanza: occorre registrarla per verificare i requisiti',
    );
  }
  if (!isThirdCountryNational(input.nationalities)) {
    return no(
      'cittadino_ue',
      "la persona è cittadino/a dell'Unione europea, dello Spazio economico europeo o della Svizzera: l'art. 18-ter TUI riguarda i cittadini di paesi terzi",
    );
  }

  if (input.role === 'titolare') {
    const { permit } = input;
    if (!permit) return no('permesso_mancante', 'non risulta registrato alcun permesso di soggiorno');
    if (permit.basis !== 'art_18ter') {
      return no(
        'permesso_non_18ter',
        "il permesso di soggiorno registrato non è un permesso art. 18-ter TUI: le misure dell'art. 6 DL 145/2024 sono riservate ai suoi titolari",
      );
    }
    const refusal = permitRefusals[permit.status];
    if (refusal) return no(refusal.code, refusal.why);
    if (!isPermitValidForAdmission(permit.status))
      return no('permesso_non_valido', 'il permesso di soggiorno art. 18-ter non è in corso di validità');
    return yes(
      'titolare_18ter',
      `titolare di un permesso di soggiorno art. 18-ter TUI in corso di validità (${labelOf('it', 'permitStatus', permit.status)})`,
    );
  }

  if (!input.holderAdmitted) {
    return no(
      'titolare_non_ammesso',
      'il/la titolare del permesso art. 18-ter a cui la persona è legata non è ammesso/a alle misure di assistenza',
    );
  }
  const { kind, degree } = kinshipOf(input.relation);
  const label = labelOf('it', 'relation', input.relation);
  if (kind === 'coniugio') {
    return yes(
      'coniuge',
      "coniuge del titolare ammesso: pur non essendo parente né affine (art. 78 c.c.), fa parte del nucleo familiare tutelato dall'art. 18-ter, comma 1, TUI",
    );
  }
  if ((kind === 'parentela' || kind === 'affinita') && degree !== null) {
    const bond = `${kind === 'parentela' ? 'parente' : 'affine'} di ${degreeIt(degree)} grado (${label}) del titolare`;
    if (degree <= 2) {
      return yes(
        kind === 'parentela' ? 'parente_entro_secondo_grado' : 'affine_entro_secondo_grado',
        `${bond} ammesso alle misure di assistenza`,
      );
    }
    return no(
      'oltre_secondo_grado',
      `${bond}: le misure dell'art. 6 DL 145/2024 si estendono solo ai parenti e agli affini entro il secondo grado`,
    );
  }
  return no(
    'nessun_vincolo',
    'non risulta un vincolo di parentela, affinità o coniugio con il titolare ammesso alle misure',
  );
}
