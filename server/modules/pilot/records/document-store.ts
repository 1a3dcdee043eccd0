/**
 * Where the bytes of a case's documents are kept (decision 0025). One small interface, so that an
 * S3-compatible object store can take the place of the database later without touching the
 * services: whatever implements it must keep the bytes encrypted with the data key, reachable by
 * every instance (never one server's local disk), and written or removed together with the
 * document's description.
 */
import type { FieldCipher } from '../../../platform/crypto.js';
import type { Queryable } from '../../../platform/db/db.js';
import { openContent, sealContent } from './records.crypto.js';
import { deleteDocumentContent, insertDocumentContent, selectDocumentContent } from './records.repo.js';

/** A stored document: its id (the key in the store) and the Comune that owns it. */
export interface StoredDocumentRef {
  id: string;
  comune: string;
}

export interface DocumentStore {
  /** Keeps the bytes of a new document, inside the transaction that writes its description. */
  put(tx: Queryable, ref: StoredDocumentRef, bytes: Buffer): Promise<void>;
  /** The bytes, or null when the store has none for the document. */
  get(tx: Queryable, ref: StoredDocumentRef): Promise<Buffer | null>;
  /** Forgets the bytes, inside the transaction that deletes the description. */
  remove(tx: Queryable, ref: StoredDocumentRef): Promise<void>;
}

/**
 * The store used today: the bytes in `pilot_document_contents`, encrypted (AES-256-GCM bound to
 * the document's id) and under the same row-level security as the rest of the case. Every
 * instance of a stateless deployment sees them, and a backup of the database includes them.
 */
export function databaseDocumentStore(cipher: FieldCipher): DocumentStore {
  return {
    async put(tx, ref, bytes) {
      await insertDocumentContent(tx, ref.id, ref.comune, sealContent(cipher, ref.id, bytes));
    },
    async get(tx, ref) {
      const enc = await selectDocumentContent(tx, ref.id);
      return enc === undefined ? null : openContent(cipher, ref.id, enc);
    },
    async remove(tx, ref) {
      await deleteDocumentContent(tx, ref.id);
    },
  };
}
