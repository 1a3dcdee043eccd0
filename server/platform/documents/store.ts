/**
 * Where the bytes of uploaded documents are kept (decisions 0025 and 0050): the case records of the
 * pilot and the expenses of the projects share this store. One small interface, so that an
 * S3-compatible object store can take the place of the database later without touching the
 * services: whatever implements it must keep the bytes encrypted with the data key, reachable by
 * every instance (never one server's local disk), and written or removed together with the
 * document's description.
 */
import { aadOf, type FieldCipher } from '../crypto.js';
import type { Queryable } from '../db/db.js';
import type { EncryptedColumn } from '../module.js';

/**
 * A stored document: its id (the key in the store), the Comune that owns it (null for a Region's
 * document, e.g. the minutes of a regional tavolo), and its parent when the table has one.
 */
export interface StoredDocumentRef {
  id: string;
  comune: string | null;
  /** The row the document belongs to (a project), for a contents table with a `parentColumn`. */
  parentId?: string;
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
 * A table of document contents: `id uuid`, `comune_istat`, the encrypted bytes (text) and, when
 * given, a parent column; row-level security on it like on the rest of the owner's records. A
 * constant of the module that owns the table, never user input.
 */
export interface DocumentContentsTable {
  table: string;
  /** The text column of the encrypted bytes. */
  column: string;
  /** The additional authenticated data: `{id}` stands for the document's id. */
  aad: string;
  /** A NOT NULL column naming the owner row (e.g. project_id), filled from the ref's parentId. */
  parentColumn?: string;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  return name;
};

// the bytes are encrypted as their base64 text: the cipher and the key rotation work on text
export const sealDocumentContent = (cipher: FieldCipher, t: DocumentContentsTable, id: string, bytes: Buffer) =>
  cipher.encrypt(bytes.toString('base64'), aadOf(t.aad, id));
export const openDocumentContent = (cipher: FieldCipher, t: DocumentContentsTable, id: string, token: string) =>
  Buffer.from(cipher.decrypt(token, aadOf(t.aad, id)), 'base64');

/** The table's encrypted column, for the module's `encryptedColumns` (key check and rotation). */
export function documentContentsColumn(t: DocumentContentsTable): EncryptedColumn {
  // up to 10 MB a file: rotated a few rows at a time, so the rotation's memory stays bounded
  return { table: t.table, column: t.column, aad: t.aad, batchRows: 4 };
}

/**
 * The store used today: the bytes in a contents table of the database, encrypted (AES-256-GCM
 * bound to the document's id) and under the same row-level security as the records they belong
 * to. Every instance of a stateless deployment sees them, and a backup of the database includes them.
 */
export function databaseDocumentStore(cipher: FieldCipher, t: DocumentContentsTable): DocumentStore {
  const table = ident(t.table);
  const column = ident(t.column);
  const parent = t.parentColumn ? ident(t.parentColumn) : null;
  return {
    async put(tx, ref, bytes) {
      const enc = sealDocumentContent(cipher, t, ref.id, bytes);
      if (parent) {
        if (!ref.parentId) throw new Error(`A document of ${table} needs its ${parent}.`);
        await tx.query(`INSERT INTO ${table} (id, comune_istat, ${parent}, ${column}) VALUES ($1, $2, $3, $4)`, [
          ref.id,
          ref.comune,
          ref.parentId,
          enc,
        ]);
      } else {
        await tx.query(`INSERT INTO ${table} (id, comune_istat, ${column}) VALUES ($1, $2, $3)`, [
          ref.id,
          ref.comune,
          enc,
        ]);
      }
    },
    async get(tx, ref) {
      const [row] = await tx.query<{ enc: string }>(`SELECT ${column} AS enc FROM ${table} WHERE id = $1`, [ref.id]);
      return row === undefined ? null : openDocumentContent(cipher, t, ref.id, row.enc);
    },
    async remove(tx, ref) {
      await tx.query(`DELETE FROM ${table} WHERE id = $1`, [ref.id]);
    },
  };
}
