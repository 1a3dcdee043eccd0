import { describe, expect, it } from 'vitest';
import { applyPermitEvent, type PermitRecord } from './permits.js';

const today = '2026-06-01';
const pending: PermitRecord = {
  basis: 'art_18ter',
  receiptOn: '2026-01-10',
  issuedOn: null,
  expiresOn: null,
  renewalRequestedOn: null,
  renewedOn: null,
  conversionRequestedOn: null,
  convertedOn: null,
  revokedOn: null,
  renewalCount: 0,
  convertedTo: null,
  revocationReason: null,
};
const issued: PermitRecord = { ...pending, issuedOn: '2026-02-01', expiresOn: '2026-08-01' };

describe('permit events', () => {
  it('issues a first art. 18-ter permit for six months when no expiry is given', () => {
    expect(applyPermitEvent(pending, { event: 'issue', on: '2026-02-01' }, today, true)).toEqual({
      kind: 'applied',
      changes: { issuedOn: '2026-02-01', expiresOn: '2026-08-01' },
      successor: null,
    });
  });

  it('asks for the expiry of a permit that is not a first art. 18-ter', () => {
    expect(applyPermitEvent(pending, { event: 'issue', on: '2026-02-01' }, today, false)).toMatchObject({
      kind: 'invalid',
      issues: [{ path: 'expiresOn', code: 'required' }],
    });
  });

  it('refuses to issue a permit twice', () => {
    expect(applyPermitEvent(issued, { event: 'issue', on: '2026-03-01' }, today, true)).toMatchObject({
      kind: 'refused',
    });
  });

  it('counts a renewal and sets the new expiry', () => {
    expect(
      applyPermitEvent(issued, { event: 'renew', on: '2026-05-01', expiresOn: '2027-05-01' }, today, false),
    ).toEqual({
      kind: 'applied',
      changes: { renewedOn: '2026-05-01', expiresOn: '2027-05-01', renewalCount: 1 },
      successor: null,
    });
  });

  it('opens the successor permit on conversion', () => {
    expect(
      applyPermitEvent(
        issued,
        { event: 'convert', on: '2026-05-01', expiresOn: '2028-05-01', convertedTo: 'lavoro_subordinato' },
        today,
        false,
      ),
    ).toEqual({
      kind: 'applied',
      changes: { convertedOn: '2026-05-01', convertedTo: 'lavoro_subordinato' },
      successor: { basis: 'lavoro_subordinato', issuedOn: '2026-05-01', expiresOn: '2028-05-01' },
    });
  });

  it('refuses any event on a revoked permit', () => {
    const revoked = { ...issued, revokedOn: '2026-04-01' };
    expect(applyPermitEvent(revoked, { event: 'receipt', on: '2026-05-01' }, today, false)).toMatchObject({
      kind: 'refused',
    });
  });

  it('rejects an event dated in the future', () => {
    expect(applyPermitEvent(issued, { event: 'renewal_request', on: '2026-07-01' }, today, false)).toEqual({
      kind: 'invalid',
      issues: [{ path: 'on', message: 'La data è nel futuro', code: 'future_date' }],
    });
  });
});
