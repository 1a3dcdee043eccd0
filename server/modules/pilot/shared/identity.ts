/**
 * The identity of a beneficiary: the only directly identifying fields, kept encrypted in
 * `pilot_persons.identity_enc` (AES-256-GCM bound to the person's id) with keyed blind indexes
 * for exact search by name and by codice fiscale.
 */
import { aadOf, type FieldCipher } from '../../../platform/crypto.js';
import type { EncryptedColumn } from '../../../platform/module.js';
import { rekeyNameGrams } from './name-grams.repo.js';

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

const IDENTITY_AAD = 'pilot_persons/{id}/identity';
const PERMIT_NUMBER_AAD = 'pilot_permits/{id}/number';

export function sealIdentity(cipher: FieldCipher, personId: string, identity: Identity): string {
  return cipher.encryptJson(identity, aadOf(IDENTITY_AAD, personId));
}

export function openIdentity(cipher: FieldCipher, personId: string, token: string): Identity {
  return cipher.decryptJson<Identity>(token, aadOf(IDENTITY_AAD, personId));
}

/** Blind index of "surname given names", order-insensitive to spacing and accents. */
export function nameIndex(cipher: FieldCipher, surname: string, givenNames: string): string {
  return cipher.blindIndex('pilot.person.name', `${surname} ${givenNames}`);
}

export function cfIndex(cipher: FieldCipher, codiceFiscale: string): string {
  return cipher.blindIndex('pilot.person.cf', codiceFiscale.toUpperCase());
}

/**
 * The key of an imported row (idempotent import): the codice fiscale when there is one, else name
 * and birth date.
 */
export function importIndex(
  cipher: FieldCipher,
  identity: Pick<Identity, 'surname' | 'givenNames' | 'birthDate' | 'codiceFiscale'>,
): string {
  return cipher.blindIndex(
    'pilot.import',
    identity.codiceFiscale
      ? `cf ${identity.codiceFiscale}`
      : `${identity.surname} ${identity.givenNames} ${identity.birthDate}`,
  );
}

/** Permit numbers are identifiers too: encrypted, bound to the permit row. */
export function sealPermitNumber(cipher: FieldCipher, permitId: string, number: string): string {
  return cipher.encrypt(number, aadOf(PERMIT_NUMBER_AAD, permitId));
}

export function openPermitNumber(cipher: FieldCipher, permitId: string, token: string): string {
  return cipher.decrypt(token, aadOf(PERMIT_NUMBER_AAD, permitId));
}

/** The pilot's encrypted columns and the blind indexes derived from them (data key check and rotation). */
export const pilotEncryptedColumns: EncryptedColumn[] = [
  {
    table: 'pilot_persons',
    column: 'identity_enc',
    aad: IDENTITY_AAD,
    blindIndexes: [
      {
        column: 'name_index',
        compute: (cipher, plain) => {
          const id = JSON.parse(plain) as Identity;
          return nameIndex(cipher, id.surname, id.givenNames);
        },
      },
      {
        column: 'cf_index',
        compute: (cipher, plain) => {
          const id = JSON.parse(plain) as Identity;
          return id.codiceFiscale ? cfIndex(cipher, id.codiceFiscale) : null;
        },
      },
      // only rows that came from an import have one
      {
        column: 'import_key',
        compute: (cipher, plain, current) =>
          current === null ? null : importIndex(cipher, JSON.parse(plain) as Identity),
      },
    ],
    // the keyed trigrams of names (partial search) are keyed too: rebuilt under the new key
    rebuildDerived: rekeyNameGrams,
  },
  { table: 'pilot_permits', column: 'number_enc', aad: PERMIT_NUMBER_AAD },
];
