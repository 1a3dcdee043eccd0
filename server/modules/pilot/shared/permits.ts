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
  if (lastGrant !== null && happened(p.renewalRequestedOn) && p.renewalRequestedOn > lastGrant)
    return 'rinnovo_richiesto';
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
    status === 'ricevuta_rilasciata' ||
    status === 'rilasciato' ||
    status === 'in_scadenza' ||
    status === 'rinnovo_richiesto' ||
    status === 'rinnovato'
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
  'receiptOn',
  'issuedOn',
  'expiresOn',
  'renewalRequestedOn',
  'renewedOn',
  'conversionRequestedOn',
  'convertedOn',
  'revokedOn',
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
    issues.push({
      path: 'issuedOn',
      message: 'La data di rilascio del permesso non può precedere quella della ricevuta.',
    });
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
    issues.push({
      path: 'renewedOn',
      message: 'Un permesso può essere rinnovato solo dopo essere stato rilasciato: indicare la data di rilascio.',
    });
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

/**
 * Date issues of a permit as recorded or changed by the user: the consistency checks above plus
 * "not in the future" for every fact but the expiry (a term). Paths are the facts' names.
 */
export function permitDateIssues(
  p: PermitFacts,
  isFirst: boolean,
  today: IsoDate,
): { path: string; message: string; code: string }[] {
  const issues = checkPermitDates({ ...p, isFirst }).map((i) => ({ ...i, code: 'invalid_date' }));
  for (const [k, v] of Object.entries(p)) {
    if (typeof v === 'string' && k !== 'expiresOn' && k !== 'basis' && v > today) {
      issues.push({ path: k, message: 'La data è nel futuro', code: 'future_date' });
    }
  }
  return issues;
}

/** What a permit record holds beyond its dated facts. */
export interface PermitRecord extends PermitFacts {
  renewalCount: number;
  convertedTo: PermitBasis | null;
  revocationReason: string | null;
}

/** An event on a permit's timeline, as the user reports it. */
export type PermitEvent =
  | { event: 'receipt'; on: IsoDate }
  | { event: 'issue'; on: IsoDate; expiresOn?: IsoDate | undefined }
  | { event: 'renewal_request'; on: IsoDate }
  | { event: 'renew'; on: IsoDate; expiresOn: IsoDate }
  | { event: 'conversion_request'; on: IsoDate }
  | { event: 'convert'; on: IsoDate; expiresOn: IsoDate; convertedTo: PermitBasis }
  | { event: 'revoke'; on: IsoDate; reason: string };

/**
 * The result of an event: refused (the permit cannot take it), invalid (its dates do not hold;
 * paths name the event's fields), or applied, with the fields that changed in the order they
 * changed and, for a conversion, the successor permit it opens.
 */
export type PermitEventResult =
  | { kind: 'refused'; message: string }
  | { kind: 'invalid'; issues: { path: string; message: string; code: string }[] }
  | {
      kind: 'applied';
      changes: Partial<PermitRecord>;
      successor: { basis: PermitBasis; issuedOn: IsoDate; expiresOn: IsoDate } | null;
    };

/**
 * The permit state machine: applies one event to a permit on `today`. `isFirst` tells whether the
 * permit is the person's first of its basis (its expiry is then fixed by law). Pure.
 */
export function applyPermitEvent(p: PermitRecord, e: PermitEvent, today: IsoDate, isFirst: boolean): PermitEventResult {
  const status = derivePermitStatus(p, today);
  if (status === 'revocato' || status === 'convertito') {
    return { kind: 'refused', message: 'Il permesso è revocato o convertito: non cambia più.' };
  }
  const invalid = (path: string, message: string, code: string): PermitEventResult => ({
    kind: 'invalid',
    issues: [{ path, message, code }],
  });
  const facts: PermitFacts = { ...p };
  let changes: Partial<PermitRecord>;
  let successor: { basis: PermitBasis; issuedOn: IsoDate; expiresOn: IsoDate } | null = null;
  switch (e.event) {
    case 'receipt':
      changes = { receiptOn: e.on };
      break;
    case 'issue': {
      if (p.issuedOn) return { kind: 'refused', message: 'Il permesso risulta già rilasciato.' };
      facts.issuedOn = e.on;
      facts.expiresOn = e.expiresOn ?? (p.basis === 'art_18ter' && isFirst ? firstPermitExpiry(e.on) : null);
      if (!facts.expiresOn) return invalid('expiresOn', 'Indicare la scadenza del permesso rilasciato', 'required');
      const issues = permitDateIssues(facts, isFirst, today);
      if (issues.length) return { kind: 'invalid', issues };
      changes = { issuedOn: e.on, expiresOn: facts.expiresOn };
      break;
    }
    case 'renewal_request':
      if (!p.issuedOn) return { kind: 'refused', message: 'Si rinnova solo un permesso rilasciato.' };
      changes = { renewalRequestedOn: e.on };
      break;
    case 'renew': {
      if (!p.issuedOn) return { kind: 'refused', message: 'Si rinnova solo un permesso rilasciato.' };
      facts.renewedOn = e.on;
      facts.expiresOn = e.expiresOn;
      const issues = permitDateIssues(facts, false, today);
      if (issues.length) return { kind: 'invalid', issues };
      changes = { renewedOn: e.on, expiresOn: e.expiresOn, renewalCount: p.renewalCount + 1 };
      break;
    }
    case 'conversion_request':
      changes = { conversionRequestedOn: e.on };
      break;
    case 'convert':
      if (!p.issuedOn) return { kind: 'refused', message: 'Si converte solo un permesso rilasciato.' };
      if (e.on < p.issuedOn) return invalid('on', 'La conversione non può precedere il rilascio', 'too_early');
      if (e.expiresOn <= e.on)
        return invalid('expiresOn', 'La scadenza del nuovo permesso deve seguire la conversione', 'invalid_date');
      changes = { convertedOn: e.on, convertedTo: e.convertedTo };
      successor = { basis: e.convertedTo, issuedOn: e.on, expiresOn: e.expiresOn };
      break;
    case 'revoke':
      if (e.on < (p.issuedOn ?? p.receiptOn ?? '0000'))
        return invalid('on', 'La revoca non può precedere il rilascio', 'too_early');
      changes = { revokedOn: e.on, revocationReason: e.reason };
      break;
  }
  if (e.on > today) return invalid('on', 'La data è nel futuro', 'future_date');
  return { kind: 'applied', changes, successor };
}
