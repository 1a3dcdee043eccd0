/**
 * The identity of a beneficiary: the only directly identifying fields, kept encrypted in
 * `pilot_persons.identity_enc` (AES-256-GCM bound to the person's id) with keyed blind indexes
 * for exact search by name and by codice fiscale.
 */
import type { FieldCipher } from '../../../platform/crypto.js';

export interface Identity {
  surname: string;
  givenNames: string;
  /** YYYY-MM-DD */
  birthDate: string;
  codiceFiscale: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** The identity fields, named for audit details and for the GDPR access package. */
export const identityFields = [
  'surname',
  'givenNames',
  'birthDate',
  'codiceFiscale',
  'phone',
  'email',
  'address',
] as const;

const aadOf = (personId: string) => `pilot_persons/${personId}/identity`;

export function sealIdentity(cipher: FieldCipher, personId: string, identity: Identity): string {
  return cipher.encryptJson(identity, aadOf(personId));
}

export function openIdentity(cipher: FieldCipher, personId: string, token: string): Identity {
  return cipher.decryptJson<Identity>(token, aadOf(personId));
}

/** Blind index of "surname given names", order-insensitive to spacing and accents. */
export function nameIndex(cipher: FieldCipher, surname: string, givenNames: string): string {
  return cipher.blindIndex('pilot.person.name', `${surname} ${givenNames}`);
}

export function cfIndex(cipher: FieldCipher, codiceFiscale: string): string {
  return cipher.blindIndex('pilot.person.cf', codiceFiscale.toUpperCase());
}

/** Permit numbers are identifiers too: encrypted, bound to the permit row. */
export function sealPermitNumber(cipher: FieldCipher, permitId: string, number: string): string {
  return cipher.encrypt(number, `pilot_permits/${permitId}/number`);
}

export function openPermitNumber(cipher: FieldCipher, permitId: string, token: string): string {
  return cipher.decrypt(token, `pilot_permits/${permitId}/number`);
}
