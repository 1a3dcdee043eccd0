/** The art. 18-ter permit of a synthetic pilot holder, with its events, and the permit it converts to. */
import { addDays, addMonths, minimumRenewalExpiry, type IsoDate } from '../pilot/index.js';
import type { Work } from './demo.pilot.work.js';

export interface HolderPermitInput {
  caseId: string;
  holderId: string;
  opened: IsoDate;
  receipt: IsoDate | null;
  issued: IsoDate | null;
  firstExpiry: IsoDate | null;
  horizon: IsoDate;
  convReq: IsoDate | null;
  converted: IsoDate | null;
  revoke: IsoDate | null;
  /** The case closes because this permit expires: it is never renewed. */
  noRenewal: boolean;
}

/** The art. 18-ter permit: receipt, issue (6 months), renewal (+1 year) when due, conversion or revocation. */
export function planHolderPermit(w: Work, p: HolderPermitInput): { converted: IsoDate | null } {
  const { rng, c } = w;
  const id = w.id();
  const ev = (on: IsoDate, type: string) =>
    w.event({ caseId: p.caseId, on, type, person: p.holderId, actor: c.operatoreId });
  ev(p.opened, 'PERMESSO_IN_ISTRUTTORIA');
  if (p.receipt) ev(p.receipt, 'RICEVUTA_PERMESSO');
  if (p.issued) ev(p.issued, 'PERMESSO_RILASCIATO');
  let expires = p.firstExpiry;
  let renewalRequested: IsoDate | null = null;
  let renewed: IsoDate | null = null;
  // the renewal is handled up to the horizon, or up to the request of a conversion that replaces the permit
  const until = p.convReq && p.convReq < p.horizon ? p.convReq : p.horizon;
  if (!p.noRenewal && p.issued && p.firstExpiry && p.firstExpiry <= addDays(until, 60)) {
    const mustAct = p.firstExpiry < addDays(until, 15);
    if (mustAct || rng.chance(0.5)) {
      const req = addDays(p.firstExpiry, -rng.int(15, 55));
      if (req > p.issued && req <= until) {
        renewalRequested = req;
        ev(req, 'RINNOVO_RICHIESTO');
        const rnw = addDays(req, rng.int(15, 45));
        if (rnw <= until) {
          renewed = rnw;
          expires = minimumRenewalExpiry(rnw);
          ev(rnw, 'PERMESSO_RINNOVATO');
        }
      }
    }
  }
  if (p.convReq) ev(p.convReq, 'CONVERSIONE_RICHIESTA');
  if (p.converted) ev(p.converted, 'PERMESSO_CONVERTITO');
  if (p.revoke) ev(p.revoke, 'PERMESSO_REVOCATO');
  const createdAt = w.ts(p.opened);
  w.plan.permits.push({
    row: {
      id,
      person_id: p.holderId,
      comune_istat: c.istat,
      basis: 'art_18ter',
      questura: `Questura di ${c.name}`,
      initiated_by: rng.chance(0.6) ? 'proposta_ag' : 'parere_inl',
      receipt_on: p.receipt,
      issued_on: p.issued,
      expires_on: expires,
      renewal_requested_on: renewalRequested,
      renewed_on: renewed,
      renewal_count: renewed ? 1 : 0,
      conversion_requested_on: p.convReq,
      converted_on: p.converted,
      converted_to: p.converted ? 'lavoro_subordinato' : null,
      revoked_on: p.revoke,
      revocation_reason: p.revoke ? 'Venute meno le condizioni per il rilascio (demo)' : null,
      predecessor_id: null,
      created_at: createdAt,
      updated_at: w.ts(p.revoke ?? p.converted ?? renewed ?? renewalRequested ?? p.issued ?? p.receipt ?? p.opened),
    },
    number: p.issued ? `DEMO${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null,
  });
  if (p.converted) {
    w.plan.successorPermits.push({
      row: {
        id: w.id(),
        person_id: p.holderId,
        comune_istat: c.istat,
        basis: 'lavoro_subordinato',
        questura: `Questura di ${c.name}`,
        initiated_by: null,
        receipt_on: p.convReq,
        issued_on: p.converted,
        expires_on: addMonths(p.converted, 24),
        renewal_requested_on: null,
        renewed_on: null,
        renewal_count: 0,
        conversion_requested_on: null,
        converted_on: null,
        converted_to: null,
        revoked_on: null,
        revocation_reason: null,
        predecessor_id: id,
        created_at: w.ts(p.converted),
        updated_at: w.ts(p.converted),
      },
      number: `DEMO${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    });
  }
  return { converted: p.converted };
}
