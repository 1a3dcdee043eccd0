/**
 * Pure domain rules of the 18-ter pilot (domain.md §1.1–1.4, §7.2): calendar dates, kinship
 * (artt. 74–78 c.c.), nationality, codice fiscale, residence permits, eligibility for the art. 6
 * DL 145/2024 assistance measures, follow-ups, age bands and pseudonyms. No I/O, no clock: the
 * caller passes `today`. The state machines live in pilot.machines.ts.
 */
import type { KinshipKind, PermitBasis, PermitStatus, Relation } from './vocab.js';

/** A calendar date 'YYYY-MM-DD', always read and computed in UTC. */
export type IsoDate = string;

// ───────────────────────────── dates ─────────────────────────────

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is 'YYYY-MM-DD' and names a real calendar date (no 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Parses to UTC midnight; throws RangeError, because a malformed date here is a programming error. */
function parse(d: IsoDate): Date {
  if (!isIsoDate(d)) throw new RangeError(`Data non valida: ${d}`);
  return new Date(`${d}T00:00:00Z`);
}

function format(t: Date): IsoDate {
  return t.toISOString().slice(0, 10);
}

/**
 * Adds calendar months, clamping to the last day of the target month (2026-01-31 + 1 = 2026-02-28),
 * as Italian law counts durations "a mesi" (art. 2963 c.c.: the term ends on the same day number,
 * or on the last day of a shorter month). Negative `n` goes back.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const t = parse(d);
  const target = t.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(t.getUTCFullYear(), target + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(t.getUTCFullYear(), target, Math.min(t.getUTCDate(), lastDay))));
}

/** Adds (or with negative `n` subtracts) calendar days. */
export function addDays(d: IsoDate, n: number): IsoDate {
  return format(new Date(parse(d).getTime() + n * DAY_MS));
}

/** Days from `a` to `b` (b − a): positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / DAY_MS);
}

/** 'GG/MM/AAAA', the way dates are written to Italian users. */
export function formatDateIt(d: IsoDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

// ───────────────────────────── kinship ─────────────────────────────

/**
 * Kind and degree of the bond between the permit holder (ego) and a relative, per the codice
 * civile: parentela counts the generations up to the common ancestor and down again (art. 76),
 * affinità takes the degree of the spouse's parentela (art. 78). The spouse is neither parente
 * nor affine, hence 'coniugio' with no degree. 'cognato' is taken as the spouse's sibling or the
 * sibling's spouse (affine of 2nd degree); the spouse of the spouse's sibling is not an affine at
 * all and must be recorded as 'altro'.
 */
export function kinshipOf(relation: Relation): { kind: KinshipKind; degree: number | null } {
  return kinshipTable[relation];
}

const kinshipTable: Record<Relation, { kind: KinshipKind; degree: number | null }> = {
  genitore: { kind: 'parentela', degree: 1 },
  figlio: { kind: 'parentela', degree: 1 },
  fratello: { kind: 'parentela', degree: 2 },
  nonno: { kind: 'parentela', degree: 2 },
  nipote_di_nonno: { kind: 'parentela', degree: 2 },
  zio: { kind: 'parentela', degree: 3 },
  nipote_di_zio: { kind: 'parentela', degree: 3 },
  suocero: { kind: 'affinita', degree: 1 },
  genero_nuora: { kind: 'affinita', degree: 1 },
  figliastro: { kind: 'affinita', degree: 1 },
  patrigno_matrigna: { kind: 'affinita', degree: 1 },
  cognato: { kind: 'affinita', degree: 2 },
  coniuge: { kind: 'coniugio', degree: null },
  altro: { kind: 'nessuno', degree: null },
};

/** Italian labels of the relations, lower case so they fit inside a sentence. */
export const relationLabelsIt: Record<Relation, string> = {
  coniuge: 'coniuge',
  figlio: 'figlio/figlia',
  genitore: 'genitore',
  fratello: 'fratello/sorella',
  nonno: 'nonno/nonna',
  nipote_di_nonno: 'nipote (figlio/a di un figlio/a)',
  nipote_di_zio: 'nipote (figlio/a di fratello/sorella)',
  zio: 'zio/zia',
  suocero: 'suocero/suocera',
  genero_nuora: 'genero/nuora',
  cognato: 'cognato/cognata',
  figliastro: 'figliastro/a',
  patrigno_matrigna: 'patrigno/matrigna',
  altro: 'altra relazione',
};

const ordinalIt = ['', 'primo', 'secondo', 'terzo', 'quarto', 'quinto', 'sesto'];
function degreeIt(n: number): string {
  return ordinalIt[n] ?? `${n}°`;
}

// ───────────────────────────── nationality ─────────────────────────────

/**
 * ISO 3166-1 alpha-2 codes of the 27 EU member states (Greece is 'GR', not the EU's 'EL'), the
 * other EEA states (Iceland, Liechtenstein, Norway) and Switzerland: their citizens enjoy free
 * movement and are not "cittadini di paesi terzi" for art. 18-ter TUI.
 */
export const euEeaChCountries: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT',
  'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
  'IS', 'LI', 'NO',
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

// ───────────────────────────── codice fiscale ─────────────────────────────

/** Omocodia: the Agenzia delle Entrate replaces digits 0–9 with these letters to resolve collisions. */
const OMOCODIA = 'LMNPQRSTUV';
const CF_PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
/** Values of the characters in odd positions (1st, 3rd, …), indexed by digit value or letter A–Z. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
}

/** Reads an omocodia-capable digit back to its digit value. */
function digitOf(c: string): number {
  const i = OMOCODIA.indexOf(c);
  return i >= 0 ? i : Number(c);
}

/**
 * Checks an Italian codice fiscale of a natural person (16 characters), omocodia included: shape,
 * day of birth (1–31, or 41–71 for women) and the check character of the Agenzia delle Entrate
 * algorithm (odd positions through the conversion table, even positions by plain value, sum mod 26).
 * Trims and upper-cases first, so what the user typed with spaces or in lower case is accepted.
 */
export function checkCodiceFiscale(cf: string): { valid: true; normalised: string } | { valid: false; reason: string } {
  const s = cf.trim().toUpperCase();
  if (s.length !== 16) return { valid: false, reason: 'lunghezza diversa da 16 caratteri' };
  if (!CF_PATTERN.test(s)) return { valid: false, reason: 'formato non valido' };
  const day = digitOf(s[9]!) * 10 + digitOf(s[10]!);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return { valid: false, reason: 'formato non valido' };
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(s[i]!);
    // positions are counted from 1, so index 0 is the first odd position
    sum += i % 2 === 0 ? ODD_VALUES[idx]! : idx;
  }
  const expected = String.fromCharCode(65 + (sum % 26));
  if (s[15] !== expected) return { valid: false, reason: `carattere di controllo errato: atteso ${expected}` };
  return { valid: true, normalised: s };
}

// ───────────────────────────── residence permits ─────────────────────────────

/**
 * The facts recorded on a permit. A renewal is modelled on the same record: when `renewedOn` is
 * set, `expiresOn` is the expiry of the renewed permit (the previous expiry is in the event log).
 */
export interface PermitFacts {
  basis: PermitBasis;
  receiptOn: IsoDate | null;
  issuedOn: IsoDate | null;
  expiresOn: IsoDate | null;
  renewalRequestedOn: IsoDate | null;
  renewedOn: IsoDate | null;
  conversionRequestedOn: IsoDate | null;
  convertedOn: IsoDate | null;
  revokedOn: IsoDate | null;
}

/** Days before expiry from which a permit shows as 'in_scadenza'. */
export const EXPIRING_WITHIN_DAYS = 30;

/** Italian labels of the permit statuses, lower case so they fit inside a sentence. */
export const permitStatusLabelsIt: Record<PermitStatus, string> = {
  in_istruttoria: 'in istruttoria',
  ricevuta_rilasciata: 'ricevuta della Questura rilasciata',
  rilasciato: 'rilasciato',
  in_scadenza: 'in scadenza',
  rinnovo_richiesto: 'rinnovo richiesto',
  rinnovato: 'rinnovato',
  convertito: 'convertito',
  revocato: 'revocato',
  scaduto: 'scaduto',
};

/**
 * The status of a permit on `today`, derived from its dates (it is never typed in). Facts dated
 * after `today` have not happened yet and are ignored; `expiresOn` is a term, so it always counts.
 * Precedence: revocato, convertito, rinnovo_richiesto, scaduto, in_scadenza, rinnovato,
 * rilasciato, ricevuta_rilasciata, in_istruttoria.
 * - A pending renewal (requested after the last issue or renewal) wins over expiry, because the
 *   Questura receipt of the renewal request covers the stay in the meantime.
 * - A pending conversion is not a status of its own: the permit shows its underlying status
 *   until `convertedOn`.
 */
export function derivePermitStatus(p: PermitFacts, today: IsoDate): PermitStatus {
  const happened = (d: IsoDate | null): d is IsoDate => d !== null && d <= today;
  if (happened(p.revokedOn)) return 'revocato';
  if (happened(p.convertedOn)) return 'convertito';
  const renewed = happened(p.renewedOn) ? p.renewedOn : null;
  const issued = happened(p.issuedOn) ? p.issuedOn : null;
  const lastGrant = renewed ?? issued;
  if (lastGrant !== null && happened(p.renewalRequestedOn) && p.renewalRequestedOn > lastGrant) return 'rinnovo_richiesto';
  if (p.expiresOn !== null && p.expiresOn < today) return 'scaduto';
  if (p.expiresOn !== null && daysBetween(today, p.expiresOn) <= EXPIRING_WITHIN_DAYS) return 'in_scadenza';
  if (renewed !== null) return 'rinnovato';
  if (issued !== null) return 'rilasciato';
  if (happened(p.receiptOn)) return 'ricevuta_rilasciata';
  return 'in_istruttoria';
}

/**
 * Whether a permit in this status lets its holder be admitted to the art. 6 measures. Broader than
 * the guard of domain.md §7.3 (ricevuta, rilasciato, rinnovato): a permit about to expire, or
 * whose renewal is pending, still allows a lawful stay.
 */
export function isPermitValidForAdmission(status: PermitStatus): boolean {
  return (
    status === 'ricevuta_rilasciata' || status === 'rilasciato' || status === 'in_scadenza' ||
    status === 'rinnovo_richiesto' || status === 'rinnovato'
  );
}

/** Expiry of a first art. 18-ter permit: six months from issue (art. 18-ter c. 3 TUI). */
export function firstPermitExpiry(issuedOn: IsoDate): IsoDate {
  return addMonths(issuedOn, 6);
}

/** Earliest expiry of a renewed art. 18-ter permit: one year, or longer for reasons of justice (c. 3). */
export function minimumRenewalExpiry(renewedOn: IsoDate): IsoDate {
  return addMonths(renewedOn, 12);
}

const permitDateFields = [
  'receiptOn', 'issuedOn', 'expiresOn', 'renewalRequestedOn', 'renewedOn', 'conversionRequestedOn', 'convertedOn', 'revokedOn',
] as const;

/**
 * Inconsistencies among the dates of a permit, each with the field it concerns and an Italian
 * message; empty when the dates hold together. `isFirst` marks the first art. 18-ter permit of the
 * person, whose expiry is fixed by law at six months from issue (unless it has since been renewed:
 * then `expiresOn` is the renewal's expiry and must be at least one year after `renewedOn`).
 */
export function checkPermitDates(p: PermitFacts & { isFirst: boolean }): { path: string; message: string }[] {
  const invalid = permitDateFields
    .filter((f) => p[f] !== null && !isIsoDate(p[f]))
    .map((f) => ({ path: f, message: 'La data non è valida: usare il formato AAAA-MM-GG con una data esistente.' }));
  if (invalid.length > 0) return invalid;

  const issues: { path: string; message: string }[] = [];
  const { receiptOn, issuedOn, expiresOn, renewedOn, revokedOn, convertedOn } = p;
  const is18ter = p.basis === 'art_18ter';
  if (issuedOn && receiptOn && issuedOn < receiptOn) {
    issues.push({ path: 'issuedOn', message: 'La data di rilascio del permesso non può precedere quella della ricevuta.' });
  }
  if (expiresOn && issuedOn && expiresOn <= issuedOn) {
    issues.push({ path: 'expiresOn', message: 'La data di scadenza deve essere successiva alla data di rilascio.' });
  }
  if (is18ter && p.isFirst && !renewedOn && issuedOn && expiresOn && expiresOn !== firstPermitExpiry(issuedOn)) {
    issues.push({
      path: 'expiresOn',
      message: `Il primo permesso art. 18-ter dura sei mesi: la scadenza deve essere il ${formatDateIt(firstPermitExpiry(issuedOn))}.`,
    });
  }
  if (renewedOn && !issuedOn) {
    issues.push({ path: 'renewedOn', message: 'Un permesso può essere rinnovato solo dopo essere stato rilasciato: indicare la data di rilascio.' });
  }
  if (renewedOn && issuedOn && renewedOn < issuedOn) {
    issues.push({ path: 'renewedOn', message: 'La data di rinnovo non può precedere la data di rilascio.' });
  }
  if (renewedOn && expiresOn) {
    if (is18ter && expiresOn < minimumRenewalExpiry(renewedOn)) {
      issues.push({
        path: 'expiresOn',
        message: `Il rinnovo del permesso art. 18-ter dura almeno un anno: la nuova scadenza deve essere il ${formatDateIt(minimumRenewalExpiry(renewedOn))} o successiva.`,
      });
    } else if (!is18ter && expiresOn <= renewedOn) {
      issues.push({ path: 'expiresOn', message: 'La nuova scadenza deve essere successiva alla data di rinnovo.' });
    }
  }
  const start = issuedOn ?? receiptOn;
  const startWord = issuedOn ? 'di rilascio' : 'della ricevuta';
  if (start && revokedOn && revokedOn < start) {
    issues.push({ path: 'revokedOn', message: `La data di revoca non può precedere la data ${startWord}.` });
  }
  if (start && convertedOn && convertedOn < start) {
    issues.push({ path: 'convertedOn', message: `La data di conversione non può precedere la data ${startWord}.` });
  }
  return issues;
}

/**
 * Reminders before a permit expires: 90 days (time to gather documents), 60 days (the usual lead
 * for a renewal request, art. 5 c. 4 TUI) and 30 days (when the permit shows as 'in_scadenza').
 */
export function expiryAlerts(expiresOn: IsoDate): { daysBefore: 90 | 60 | 30; dueOn: IsoDate }[] {
  return ([90, 60, 30] as const).map((daysBefore) => ({ daysBefore, dueOn: addDays(expiresOn, -daysBefore) }));
}

// ───────────────────────────── eligibility ─────────────────────────────

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
  scaduto: { code: 'permesso_scaduto', why: 'il permesso di soggiorno art. 18-ter è scaduto e non ne è stato chiesto il rinnovo' },
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
  const no = (code: string, why: string): Eligibility => ({ eligible: false, code, explanation: `Non ammissibile perché ${why}.`, legalReference: ref });
  const yes = (code: string, why: string): Eligibility => ({ eligible: true, code, explanation: `Ammissibile perché ${why}.`, legalReference: ref });

  if (input.nationalities.length === 0) {
    return no('nazionalita_mancante', 'non è indicata alcuna cittadinanza: occorre registrarla per verificare i requisiti');
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
      return no('permesso_non_18ter', "il permesso di soggiorno registrato non è un permesso art. 18-ter TUI: le misure dell'art. 6 DL 145/2024 sono riservate ai suoi titolari");
    }
    const refusal = permitRefusals[permit.status];
    if (refusal) return no(refusal.code, refusal.why);
    if (!isPermitValidForAdmission(permit.status)) return no('permesso_non_valido', 'il permesso di soggiorno art. 18-ter non è in corso di validità');
    return yes('titolare_18ter', `titolare di un permesso di soggiorno art. 18-ter TUI in corso di validità (${permitStatusLabelsIt[permit.status]})`);
  }

  if (!input.holderAdmitted) {
    return no('titolare_non_ammesso', 'il/la titolare del permesso art. 18-ter a cui la persona è legata non è ammesso/a alle misure di assistenza');
  }
  const { kind, degree } = kinshipOf(input.relation);
  const label = relationLabelsIt[input.relation];
  if (kind === 'coniugio') {
    return yes(
      'coniuge',
      "coniuge del titolare ammesso: pur non essendo parente né affine (art. 78 c.c.), fa parte del nucleo familiare tutelato dall'art. 18-ter, comma 1, TUI",
    );
  }
  if ((kind === 'parentela' || kind === 'affinita') && degree !== null) {
    const bond = `${kind === 'parentela' ? 'parente' : 'affine'} di ${degreeIt(degree)} grado (${label}) del titolare`;
    if (degree <= 2) {
      return yes(kind === 'parentela' ? 'parente_entro_secondo_grado' : 'affine_entro_secondo_grado', `${bond} ammesso alle misure di assistenza`);
    }
    return no('oltre_secondo_grado', `${bond}: le misure dell'art. 6 DL 145/2024 si estendono solo ai parenti e agli affini entro il secondo grado`);
  }
  return no('nessun_vincolo', 'non risulta un vincolo di parentela, affinità o coniugio con il titolare ammesso alle misure');
}

// ───────────────────────────── follow-ups, age bands, pseudonyms ─────────────────────────────

/** Follow-up contacts after the exit from the programme, at 6 and 12 months (outcome monitoring). */
export function followUpDates(exitOn: IsoDate): { months: 6 | 12; dueOn: IsoDate }[] {
  return ([6, 12] as const).map((months) => ({ months, dueOn: addMonths(exitOn, months) }));
}

/** Age bands of the aggregated outputs (FAMI-style reporting). */
export type AgeBand = '0-17' | '18-24' | '25-34' | '35-44' | '45-54' | '55+';

/**
 * Age band for pseudonymised and aggregated outputs. It uses years only (the age reached during
 * `onYear`), deliberately: those outputs never carry the full date of birth. Throws RangeError
 * when `birthYear` is after `onYear`.
 */
export function ageBand(birthYear: number, onYear: number): AgeBand {
  const age = onYear - birthYear;
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`Anno di nascita ${birthYear} non coerente con l'anno ${onYear}`);
  if (age < 18) return '0-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}

/** 'CT-2026-0007': prefix, year, sequence padded to four digits (longer when it must). */
export function formatPseudonym(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Progressivo non valido: ${seq}`);
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The pseudonym prefix of a Comune: its province's sigla (two letters), upper-cased. */
export function pseudonymPrefix(provinceSigla: string): string {
  const s = provinceSigla.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(s)) throw new RangeError(`Sigla di provincia non valida: ${provinceSigla}`);
  return s;
}
