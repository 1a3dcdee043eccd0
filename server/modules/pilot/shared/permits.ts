/**
 * Residence permits: status derived from the facts and today, dates checks, renewals, expiry
 * alerts. Pure: no I/O, no clock (the caller passes `today`).
 */
import type { PermitBasis, PermitStatus } from './vocab.js';
import { addDays, addMonths, daysBetween, formatDateIt, isIsoDate, type IsoDate } from './dates.js';

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
