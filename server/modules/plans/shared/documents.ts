/**
 * The documents of the plans module: a plan's adoption resolution, a meeting's minutes, a thread
 * message's attachments. PDF, PNG or JPEG by content, at most 10 MB, kept encrypted by the
 * platform's document store (decision 0050) in plm_document_contents, whose row-level security
 * is that of the description (plm_documents). Each part checks who may attach or read first and
 * calls these inside its own transaction; every download is audited here.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import {
  checkDocument,
  databaseDocumentStore,
  documentContentsColumn,
  documentRefusals,
  type DocumentContentsTable,
  type DocumentStore,
} from '../../../platform/documents/index.js';
import { AppError } from '../../../platform/errors.js';
import type { EncryptedColumn } from '../../../platform/module.js';
import { recordAudit } from '../../audit/index.js';

export const plmDocumentContents: DocumentContentsTable = {
  table: 'plm_document_contents',
  column: 'content',
  aad: 'plm_document_contents/{id}/content',
};

/** The plans module's encrypted columns (listed in ../index.ts). */
export const plansEncryptedColumns: EncryptedColumn[] = [documentContentsColumn(plmDocumentContents)];

const store = (ctx: Pick<Ctx, 'cipher'>): DocumentStore => databaseDocumentStore(ctx.cipher, plmDocumentContents);

export type PlmDocumentKind = 'DELIBERA' | 'VERBALE' | 'ALLEGATO';

/** What a document belongs to: exactly one of a plan, a meeting, a thread's message. */
export type PlmDocumentOwner = { planId: string } | { meetingId: string } | { messageId: string };

export interface PlmDocumentRow {
  id: string;
  comune_istat: string | null;
  region_code: string;
  kind: PlmDocumentKind;
  plan_id: string | null;
  meeting_id: string | null;
  message_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: Date;
}

/** A document's description as the API gives it. */
export interface PlmDocumentOut {
  id: string;
  kind: PlmDocumentKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export const toDocumentOut = (r: PlmDocumentRow): PlmDocumentOut => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  uploadedBy: r.uploaded_by_name,
  uploadedAt: r.uploaded_at.toISOString(),
});

const SELECT_DOCUMENT = `SELECT d.id, d.comune_istat, d.region_code, d.kind, d.plan_id, d.meeting_id, d.message_id, d.file_name,
       d.media_type, d.size_bytes, d.sha256, d.uploaded_by, u.display_name AS uploaded_by_name, d.uploaded_at
  FROM plm_documents d JOIN users u ON u.id = d.uploaded_by`;

/** A document's description, when the actor reaches it (row-level security). */
export async function selectPlmDocument(tx: Queryable, id: string): Promise<PlmDocumentRow | undefined> {
  const [row] = await tx.query<PlmDocumentRow>(`${SELECT_DOCUMENT} WHERE d.id = $1`, [id]);
  return row;
}

/** The documents of an owner, oldest first. */
export async function selectPlmDocumentsOf(tx: Queryable, owner: PlmDocumentOwner): Promise<PlmDocumentRow[]> {
  const [col, id] =
    'planId' in owner
      ? ['plan_id', owner.planId]
      : 'meetingId' in owner
        ? ['meeting_id', owner.meetingId]
        : ['message_id', owner.messageId];
  return tx.query<PlmDocumentRow>(`${SELECT_DOCUMENT} WHERE d.${col} = $1 ORDER BY d.uploaded_at, d.id`, [id]);
}

/**
 * Checks and stores an uploaded file (name and base64 bytes) for an owner, inside the caller's
 * transaction; the caller has checked the actor may attach it and writes its own audit row (this
 * one records the upload with its digest). 400 `plans.document.refused` for a file refused by content.
 */
export async function storePlmDocument(
  tx: Queryable,
  ctx: Ctx,
  input: {
    owner: PlmDocumentOwner;
    kind: PlmDocumentKind;
    comune: string | null;
    region: string;
    fileName: string;
    contentBase64: string;
  },
): Promise<PlmDocumentRow> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const check = checkDocument(input.fileName, bytes);
  if (!check.ok) throw new AppError('plans.document.refused', documentRefusals[check.reason]);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const o = input.owner;
  await tx.query(
    `INSERT INTO plm_documents (id, comune_istat, region_code, kind, plan_id, meeting_id, message_id, file_name,
                                media_type, size_bytes, sha256, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      input.comune,
      input.region,
      input.kind,
      'planId' in o ? o.planId : null,
      'meetingId' in o ? o.meetingId : null,
      'messageId' in o ? o.messageId : null,
      input.fileName,
      check.type,
      bytes.length,
      sha256,
      ctx.actor!.userId,
      ctx.clock.now(),
    ],
  );
  await store(ctx).put(tx, { id, comune: input.comune }, bytes);
  await recordAudit(tx, ctx, {
    action: 'plans.document.upload',
    entityType: 'plm_document',
    entityId: id,
    tenantComune: input.comune,
    details: { kind: input.kind, type: check.type, bytes: bytes.length, sha256 },
  });
  return (await selectPlmDocument(tx, id))!;
}

export interface PlmDocumentFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

/**
 * A document's bytes for download, when the actor reaches it and it belongs to `owner` (404
 * otherwise); the read is audited. The caller has checked the permission to read the owner.
 */
export async function readPlmDocument(
  tx: Queryable,
  ctx: Ctx,
  owner: PlmDocumentOwner,
  documentId: string,
): Promise<PlmDocumentFile> {
  const doc = await selectPlmDocument(tx, documentId);
  const belongs =
    doc !== undefined &&
    ('planId' in owner
      ? doc.plan_id === owner.planId
      : 'meetingId' in owner
        ? doc.meeting_id === owner.meetingId
        : doc.message_id === owner.messageId);
  if (!doc || !belongs) throw new AppError('plans.document.not_found');
  const bytes = await store(ctx).get(tx, { id: doc.id, comune: doc.comune_istat });
  if (bytes === null) throw new AppError('plans.document.not_found');
  await recordAudit(tx, ctx, {
    action: 'plans.document.read',
    entityType: 'plm_document',
    entityId: doc.id,
    tenantComune: doc.comune_istat,
    details: { kind: doc.kind },
  });
  return { bytes, contentType: doc.media_type, filename: doc.file_name };
}

/** Removes a document and its bytes, inside the caller's transaction (the caller audits). */
export async function removePlmDocument(tx: Queryable, ctx: Ctx, doc: PlmDocumentRow): Promise<void> {
  await store(ctx).remove(tx, { id: doc.id, comune: doc.comune_istat });
  await tx.query('DELETE FROM plm_documents WHERE id = $1', [doc.id]);
}
