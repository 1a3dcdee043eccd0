/**
 * The encrypted fields of the case records (AES-256-GCM with the data key, each bound to its row):
 * a document's file name and bytes, a note's text. Declared in `recordsEncryptedColumns`, so the
 * key check at start and `npm run rotate-data-key` cover them like the identities. The bytes are
 * kept by the platform's document store (server/platform/documents) in the pilot's own table.
 */
import { aadOf, type FieldCipher } from '../../../platform/crypto.js';
import {
  documentContentsColumn,
  openDocumentContent,
  sealDocumentContent,
  type DocumentContentsTable,
} from '../../../platform/documents/index.js';
import type { EncryptedColumn } from '../../../platform/module.js';

const FILENAME_AAD = 'pilot_documents/{id}/filename';
const NOTE_AAD = 'pilot_case_notes/{id}/text';

/** Where the bytes of the case documents are kept. */
export const pilotDocumentContents: DocumentContentsTable = {
  table: 'pilot_document_contents',
  column: 'content_enc',
  aad: 'pilot_document_contents/{id}/content',
};

export const sealFilename = (cipher: FieldCipher, id: string, name: string) =>
  cipher.encrypt(name, aadOf(FILENAME_AAD, id));
export const openFilename = (cipher: FieldCipher, id: string, token: string) =>
  cipher.decrypt(token, aadOf(FILENAME_AAD, id));

export const sealContent = (cipher: FieldCipher, id: string, bytes: Buffer) =>
  sealDocumentContent(cipher, pilotDocumentContents, id, bytes);
export const openContent = (cipher: FieldCipher, id: string, token: string) =>
  openDocumentContent(cipher, pilotDocumentContents, id, token);

export const sealNote = (cipher: FieldCipher, id: string, text: string) => cipher.encrypt(text, aadOf(NOTE_AAD, id));
export const openNote = (cipher: FieldCipher, id: string, token: string) => cipher.decrypt(token, aadOf(NOTE_AAD, id));

export const recordsEncryptedColumns: EncryptedColumn[] = [
  { table: 'pilot_documents', column: 'filename_enc', aad: FILENAME_AAD },
  documentContentsColumn(pilotDocumentContents),
  { table: 'pilot_case_notes', column: 'text_enc', aad: NOTE_AAD },
];
