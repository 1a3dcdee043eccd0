/**
 * The attachments of the help desk's messages: PDF, PNG or JPEG by content, at most 10 MB, kept
 * encrypted by the platform's document store (decision 0050) in hd_document_contents, whose
 * row-level security is that of the description (hd_documents: an internal note's attachment is the
 * help desk's only). The caller checks who may attach or read first; uploads and downloads are audited.
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
} from '../../../platform/documents/index.js';
import { AppError } from '../../../platform/errors.js';
import type { EncryptedColumn } from '../../../platform/module.js';
import { recordAudit } from '../../audit/index.js';

export const hdDocumentContents: DocumentContentsTable = {
  table: 'hd_document_contents',
  column: 'content',
  aad: 'hd_document_contents/{id}/content',
};

/** The help desk's encrypted columns (listed in ../index.ts). */
export const helpdeskEncryptedColumns: EncryptedColumn[] = [documentContentsColumn(hdDocumentContents)];

const store = (ctx: Pick<Ctx, 'cipher'>) => databaseDocumentStore(ctx.cipher, hdDocumentContents);

/** Checks and stores an attachment of a message; 400 `helpdesk.document.refused` for a file refused by content. */
export async function storeAttachment(
  tx: Queryable,
  ctx: Ctx,
  a: {
    requestId: string;
    messageId: string;
    comuneIstat: string;
    internal: boolean;
    fileName: string;
    content: string;
  },
): Promise<string> {
  const bytes = Buffer.from(a.content, 'base64');
  const check = checkDocument(a.fileName, bytes);
  if (!check.ok)
    throw new AppError('helpdesk.document.refused', documentRefusals[check.reason], {
      fieldIssues: [{ path: 'body.attachments', message: documentRefusals[check.reason], code: 'custom' }],
    });
  const id = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await tx.query(
    `INSERT INTO hd_documents (id, request_id, message_id, comune_istat, internal, file_name, media_type, size_bytes,
                               sha256, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      a.requestId,
      a.messageId,
      a.comuneIstat,
      a.internal,
      a.fileName,
      check.type,
      bytes.length,
      sha256,
      ctx.actor!.userId,
      ctx.clock.now(),
    ],
  );
  await store(ctx).put(tx, { id, comune: a.comuneIstat }, bytes);
  await recordAudit(tx, ctx, {
    action: 'helpdesk.document.upload',
    entityType: 'hd_document',
    entityId: id,
    tenantComune: a.comuneIstat,
    details: { request: a.requestId, internal: a.internal, type: check.type, bytes: bytes.length, sha256 },
  });
  return id;
}

/** An attachment of the request for download (404 when not of it or not in reach); the read is audited. */
export async function readAttachment(
  tx: Queryable,
  ctx: Ctx,
  requestId: string,
  documentId: string,
): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
  const [doc] = await tx.query<{ id: string; comune_istat: string; media_type: string; file_name: string }>(
    'SELECT id, comune_istat, media_type, file_name FROM hd_documents WHERE id = $1 AND request_id = $2',
    [documentId, requestId],
  );
  if (!doc) throw new AppError('helpdesk.document.not_found');
  const bytes = await store(ctx).get(tx, { id: doc.id, comune: doc.comune_istat });
  if (bytes === null) throw new AppError('helpdesk.document.not_found');
  await recordAudit(tx, ctx, {
    action: 'helpdesk.document.read',
    entityType: 'hd_document',
    entityId: doc.id,
    tenantComune: doc.comune_istat,
    details: { request: requestId },
  });
  return { bytes, contentType: doc.media_type, filename: doc.file_name };
}
