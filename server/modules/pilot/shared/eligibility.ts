/**
 * Nationality (EU/EEA/CH or third country) and eligibility for the art. 6 DL 145/2024 assistance
 * measures, explained with their legal reference. Pure: no I/O, no clock (the caller passes
 * `today`).
 */
import type { PermitBasis, PermitStatus, Relation } from './vocab.js';
import { degreeIt, kinshipOf } from './kinship.js';
import { UNKNOWN_COUNTRY } from './countries.js';
import { labelOf, type LabelLanguage } from './labels.js';
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
 * True when at least one citizenship is known and none is EU/EEA/CH. A dual national with one EU
 * citizenship is an EU citizen (the more favourable status prevails), so is not a third-country
 * national. A stateless person (XA) is a third-country national ("straniero", art. 1 TUI). An empty
 * list, or one of only ZZ (not known yet), is "unknown", not "third country": the caller must ask.
 */
export function isThirdCountryNational(nationalities: string[]): boolean {
  const known = knownNationalities(nationalities);
  return known.length > 0 && !known.some((n) => euEeaChCountries.has(n));
}

function knownNationalities(nationalities: string[]): string[] {
  return nationalities.map((n) => n.trim().toUpperCase()).filter((n) => n !== UNKNOWN_COUNTRY && n !== '');
}

/** Who asks for admission: the permit holder, or a family member of a holder. */
export type EligibilityInput =
  | { role: 'titolare'; nationalities: string[]; permit: { basis: PermitBasis; status: PermitStatus } | null }
  | { role: 'familiare'; nationalities: string[]; relation: Relation; holderAdmitted: boolean };

export interface Eligibility {
  eligible: boolean;
  /** Stable machine code, e.g. 'titolare_18ter', 'permesso_scaduto'. */
  code: string;
  /**
   * User-facing sentence in the user's language, starting with "Ammissibile perché" / "Non
   * ammissibile perché" (Italian) or "Eligible because" / "Not eligible because" (English).
   */
  explanation: string;
  legalReference: string;
}

type Lang = LabelLanguage;

/** The law references: the citations keep their form, the words around them are translated. */
const REF_MEASURES: Record<Lang, string> = {
  it: 'art. 6 DL 145/2024 (conv. L. 187/2024); art. 18-ter D.Lgs. 286/1998',
  en: 'Art. 6 Decree-Law 145/2024 (converted by Law 187/2024); Art. 18-ter Legislative Decree 286/1998',
};
const REF_FAMILY: Record<Lang, string> = {
  it: `${REF_MEASURES.it}; artt. 74-78 c.c.`,
  en: `${REF_MEASURES.en}; Arts. 74-78 Civil Code`,
};

/** The permit statuses that refuse admission, and the code that says why. */
const permitRefusals: Partial<Record<PermitStatus, string>> = {
  revocato: 'permesso_revocato',
  scaduto: 'permesso_scaduto',
  convertito: 'permesso_convertito',
  in_istruttoria: 'permesso_in_istruttoria',
};

/** The fixed reasons, by code, in each language. */
const reasons: Record<string, Record<Lang, string>> = {
  permesso_revocato: {
    it: 'il permesso di soggiorno art. 18-ter è stato revocato',
    en: 'the art. 18-ter residence permit has been revoked',
  },
  permesso_scaduto: {
    it: 'il permesso di soggiorno art. 18-ter è scaduto e non ne è stato chiesto il rinnovo',
    en: 'the art. 18-ter residence permit has expired and no renewal was requested',
  },
  permesso_convertito: {
    it: 'il permesso di soggiorno art. 18-ter è stato convertito in un permesso di altro tipo (lavoro o studio)',
    en: 'the art. 18-ter residence permit has been converted into a permit of another kind (work or study)',
  },
  permesso_in_istruttoria: {
    it: 'il permesso di soggiorno art. 18-ter è ancora in istruttoria: serve almeno la ricevuta della Questura',
    en: "the art. 18-ter residence permit is still being processed: at least the Questura's receipt is needed",
  },
  nazionalita_mancante: {
    it: 'non è indicata alcuna cittadinanza: occorre registrarla per verificare i requisiti',
    en: 'no citizenship is recorded: it must be recorded to check the requirements',
  },
  cittadino_ue: {
    it: "la persona è cittadino/a dell'Unione europea, dello Spazio economico europeo o della Svizzera: l'art. 18-ter TUI riguarda i cittadini di paesi terzi",
    en: 'the person is a citizen of the European Union, the European Economic Area or Switzerland: art. 18-ter TUI concerns third-country nationals',
  },
  permesso_mancante: {
    it: 'non risulta registrato alcun permesso di soggiorno',
    en: 'no residence permit is recorded',
  },
  permesso_non_18ter: {
    it: "il permesso di soggiorno registrato non è un permesso art. 18-ter TUI: le misure dell'art. 6 DL 145/2024 sono riservate ai suoi titolari",
    en: 'the recorded residence permit is not an art. 18-ter TUI permit: the measures of art. 6 DL 145/2024 are reserved to its holders',
  },
  permesso_non_valido: {
    it: 'il permesso di soggiorno art. 18-ter non è in corso di validità',
    en: 'the art. 18-ter residence permit is not valid',
  },
  titolare_non_ammesso: {
    it: 'il/la titolare del permesso art. 18-ter a cui la persona è legata non è ammesso/a alle misure di assistenza',
    en: 'the art. 18-ter permit holder to whom the person is related is not admitted to the assistance measures',
  },
  coniuge: {
    it: "coniuge del titolare ammesso: pur non essendo parente né affine (art. 78 c.c.), fa parte del nucleo familiare tutelato dall'art. 18-ter, comma 1, TUI",
    en: 'spouse of the admitted holder: although neither a blood relative nor a relative by marriage (art. 78 Civil Code), the spouse belongs to the family unit protected by art. 18-ter, paragraph 1, TUI',
  },
  nessun_vincolo: {
    it: 'non risulta un vincolo di parentela, affinità o coniugio con il titolare ammesso alle misure',
    en: 'no kinship, affinity or marriage with the holder admitted to the measures is recorded',
  },
};

const sentence: Record<Lang, { yes: string; no: string }> = {
  it: { yes: 'Ammissibile perché', no: 'Non ammissibile perché' },
  en: { yes: 'Eligible because', no: 'Not eligible because' },
};

const ordinalEn = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** "parente di secondo grado (nonno/nonna) del titolare", in `lang`. */
function bondText(lang: Lang, kind: 'parentela' | 'affinita', degree: number, label: string): string {
  if (lang === 'it')
    return `${kind === 'parentela' ? 'parente' : 'affine'} di ${degreeIt(degree)} grado (${label}) del titolare`;
  const ordinal = ordinalEn[degree] ?? `${degree}th`;
  return `${kind === 'parentela' ? 'blood relative' : 'relative by marriage'} in the ${ordinal} degree (${label}) of the holder`;
}

/**
 * Whether a person can be admitted to the assistance measures of art. 6 DL 145/2024, with a stable
 * code and an explanation in `lang` (Italian by default) for the operator and the person. The
 * holder needs a valid art. 18-ter permit; a family member needs an admitted holder and kinship
 * or affinity within the second degree.
 *
 * The spouse is admitted ('coniuge') although art. 78 c.c. makes the spouse neither parente nor
 * affine: the spouse belongs to the holder's nucleo familiare, which art. 18-ter c. 1 TUI protects.
 * ⚠ This interpretation must be confirmed by the pilot's convention with the Ministry.
 */
export function assessEligibility(input: EligibilityInput, lang: Lang = 'it'): Eligibility {
  const familiare = input.role === 'familiare';
  const legalReference = (familiare ? REF_FAMILY : REF_MEASURES)[lang];
  const why = (code: string) => reasons[code]?.[lang] ?? code;
  const no = (code: string, text = why(code)): Eligibility => ({
    eligible: false,
    code,
    explanation: `${sentence[lang].no} ${text}.`,
    legalReference,
  });
  const yes = (code: string, text: string): Eligibility => ({
    eligible: true,
    code,
    explanation: `${sentence[lang].yes} ${text}.`,
    legalReference,
  });

  if (knownNationalities(input.nationalities).length === 0) return no('nazionalita_mancante');
  if (!isThirdCountryNational(input.nationalities)) return no('cittadino_ue');

  if (input.role === 'titolare') {
    const { permit } = input;
    if (!permit) return no('permesso_mancante');
    if (permit.basis !== 'art_18ter') return no('permesso_non_18ter');
    const refusal = permitRefusals[permit.status];
    if (refusal) return no(refusal);
    if (!isPermitValidForAdmission(permit.status)) return no('permesso_non_valido');
    const status = labelOf(lang, 'permitStatus', permit.status);
    return yes(
      'titolare_18ter',
      lang === 'it'
        ? `titolare di un permesso di soggiorno art. 18-ter TUI in corso di validità (${status})`
        : `holder of a valid art. 18-ter TUI residence permit (${status})`,
    );
  }

  if (!input.holderAdmitted) return no('titolare_non_ammesso');
  const { kind, degree } = kinshipOf(input.relation);
  const label = labelOf(lang, 'relation', input.relation);
  if (kind === 'coniugio') return yes('coniuge', why('coniuge'));
  if ((kind === 'parentela' || kind === 'affinita') && degree !== null) {
    const bond = bondText(lang, kind, degree, label);
    if (degree <= 2) {
      return yes(
        kind === 'parentela' ? 'parente_entro_secondo_grado' : 'affine_entro_secondo_grado',
        lang === 'it' ? `${bond} ammesso alle misure di assistenza` : `${bond} admitted to the assistance measures`,
      );
    }
    return no(
      'oltre_secondo_grado',
      lang === 'it'
        ? `${bond}: le misure dell'art. 6 DL 145/2024 si estendono solo ai parenti e agli affini entro il secondo grado`
        : `${bond}: the measures of art. 6 DL 145/2024 extend only to blood relatives and relatives by marriage within the second degree`,
    );
  }
  return no('nessun_vincolo');
}
