/**
 * The encrypted fields of the case records (AES-256-GCM with the data key, each bound to its row):
 * a document's file name and bytes, a note's text. Declared in `recordsEncryptedColumns`, so the
 * key check at start and `npm run rotate-data-key` cover them like the identities.
 */
import { aadOf, type FieldCipher } from '../../../platform/crypto.js';
import type { EncryptedColumn } from '../../../platform/module.js';

const FILENAME_AAD = 'pilot_documents/{id}/filename';
// the bytes are encrypted as their base64 text: the cipher and the key rotation work on text
const CONTENT_AAD = 'pilot_document_contents/{id}/content';
const NOTE_AAD = 'pilot_case_notes/{id}/text';

export const sealFilename = (cipher: FieldCipher, id: string, name: string) =>
  cipher.encrypt(name, aadOf(FILENAME_AAD, id));
export const openFilename = (cipher: FieldCipher, id: string, token: string) =>
  cipher.decrypt(token, aadOf(FILENAME_AAD, id));

export const sealContent = (cipher: FieldCipher, id: string, bytes: Buffer) =>
  cipher.encrypt(bytes.toString('base64'), aadOf(CONTENT_AAD, id));
export const openContent = (cipher: FieldCipher, id: string, token: string) =>
  Buffer.from(cipher.decrypt(token, aadOf(CONTENT_AAD, id)), 'base64');

export const sealNote = (cipher: FieldCipher, id: string, text: string) => cipher.encrypt(text, aadOf(NOTE_AAD, id));
export const openNote = (cipher: FieldCipher, id: string, token: string) => cipher.decrypt(token, aadOf(NOTE_AAD, id));

export const recordsEncryptedColumns: EncryptedColumn[] = [
  { table: 'pilot_documents', column: 'filename_enc', aad: FILENAME_AAD },
  // up to 10 MB a file: rotated a few rows at a time, so the rotation's memory stays bounded
  { table: 'pilot_document_contents', column: 'content_enc', aad: CONTENT_AAD, batchRows: 4 },
  { table: 'pilot_case_notes', column: 'text_enc', aad: NOTE_AAD },
];
