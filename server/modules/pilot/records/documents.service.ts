/**
 * Documents attached to a person of a case or to one of their PAIs (the signed PAI, a copy of the
 * permit): PDF, PNG or JPEG by content, at most 10 MB, encrypted at rest, every download and
 * every deletion audited (decision 0025); the checks and the store are the platform's
 * (server/platform/documents, decision 0050).
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertCaseOpen, loadCase, type CaseRow } from '../shared/access.js';
import { checkDocument, databaseDocumentStore, documentRefusals } from '../../../platform/documents/index.js';
import { openFilename, pilotDocumentContents, sealFilename } from './records.crypto.js';
import {
  deleteDocument as deleteDocumentRow,
  insertDocument,
  memberOfCase,
  paiOfPerson,
  selectDocument,
  selectDocumentsOfCase,
  type DocumentRow,
} from './records.repo.js';
import type { DocumentOut, UploadDocumentBody } from './records.schema.js';

const store = (ctx: Ctx) => databaseDocumentStore(ctx.cipher, pilotDocumentContents);

function toDocument(ctx: Ctx, r: DocumentRow): DocumentOut {
  return {
    id: r.id,
    personId: r.person_id,
    pseudonym: r.pseudonym,
    paiId: r.pai_id,
    kind: r.kind,
    filename: openFilename(ctx.cipher, r.id, r.filename_enc),
    contentType: r.content_type as DocumentOut['contentType'],
    sizeBytes: r.size_bytes,
    uploadedAt: r.uploaded_at.toISOString(),
    uploadedBy: r.uploaded_by_name,
    canDelete: can(ctx.actor, 'pilot.records.delete'),
  };
}

/** A document with its case, both visible to the actor (404 otherwise), then `permission` (403). */
async function loadDocument(
  tx: Queryable,
  ctx: Ctx,
  documentId: string,
  permission: 'pilot.cases.read' | 'pilot.records.delete',
): Promise<{ doc: DocumentRow; c: CaseRow }> {
  const doc = await selectDocument(tx, documentId);
  if (!doc) throw new AppError('pilot.document.not_found');
  try {
    return { doc, c: await loadCase(tx, ctx, doc.case_id, permission) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'pilot.case.not_found') throw new AppError('pilot.document.not_found');
    throw err;
  }
}

/** The documents of a case, newest first (descriptions only: the bytes are read one by one). */
export async function listDocuments(ctx: Ctx, caseId: string): Promise<{ items: DocumentOut[] }> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    return { items: (await selectDocumentsOfCase(tx, caseId)).map((r) => toDocument(ctx, r)) };
  });
}

/**
 * Attaches a document to a person of an open case, or to one of that person's PAIs. The file's
 * type is read from its bytes; its name must carry the matching extension; a PDF with scripts,
 * launch actions or embedded files is refused.
 */
export async function uploadDocument(ctx: Ctx, caseId: string, body: UploadDocumentBody): Promise<DocumentOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.records.write', { lock: true });
    assertCaseOpen(c);
    if (!(await memberOfCase(tx, caseId, body.personId)))
      throw new AppError('pilot.invalid', 'The person is not a member of this case.', {
        fieldIssues: [{ path: 'personId', message: 'Not a member of this case', code: 'invalid_value' }],
      });
    if (body.paiId !== null && !(await paiOfPerson(tx, body.paiId, body.personId)))
      throw new AppError('pilot.invalid', 'The PAI is not a PAI of this person.', {
        fieldIssues: [{ path: 'paiId', message: 'Not a PAI of this person', code: 'invalid_value' }],
      });
    const bytes = Buffer.from(body.content, 'base64');
    const check = checkDocument(body.filename, bytes);
    if (!check.ok)
      throw new AppError(
        check.reason === 'too_large' ? 'pilot.document.too_large' : 'pilot.document.type',
        documentRefusals[check.reason],
      );
    const id = randomUUID();
    await insertDocument(tx, {
      id,
      comune: c.comune_istat,
      caseId,
      personId: body.personId,
      paiId: body.paiId,
      kind: body.kind,
      filenameEnc: sealFilename(ctx.cipher, id, body.filename),
      contentType: check.type,
      sizeBytes: bytes.length,
      uploadedBy: ctx.actor!.userId,
      uploadedAt: ctx.clock.now(),
    });
    await store(ctx).put(tx, { id, comune: c.comune_istat }, bytes);
    await recordAudit(tx, ctx, {
      action: 'pilot.document.upload',
      entityType: 'pilot_document',
      entityId: id,
      tenantComune: c.comune_istat,
      details: { case: caseId, person: body.personId, kind: body.kind, type: check.type, bytes: bytes.length },
    });
    return toDocument(ctx, (await selectDocument(tx, id))!);
  });
}

export interface DocumentFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

/** One document's bytes, for download; the read is audited and shows in "Chi ha consultato". */
export async function downloadDocument(ctx: Ctx, documentId: string): Promise<DocumentFile> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { doc, c } = await loadDocument(tx, ctx, documentId, 'pilot.cases.read');
    const bytes = await store(ctx).get(tx, { id: doc.id, comune: doc.comune_istat });
    if (bytes === null) throw new AppError('pilot.document.not_found');
    await recordAudit(tx, ctx, {
      action: 'pilot.document.read',
      entityType: 'pilot_document',
      entityId: doc.id,
      tenantComune: c.comune_istat,
      details: { case: c.id, person: doc.person_id, kind: doc.kind },
    });
    return { bytes, contentType: doc.content_type, filename: openFilename(ctx.cipher, doc.id, doc.filename_enc) };
  });
}

/** The referente deletes a document (its bytes too); audited. */
export async function deleteDocument(ctx: Ctx, documentId: string): Promise<void> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const { doc, c } = await loadDocument(tx, ctx, documentId, 'pilot.records.delete');
    await store(ctx).remove(tx, { id: doc.id, comune: doc.comune_istat });
    await deleteDocumentRow(tx, doc.id);
    await recordAudit(tx, ctx, {
      action: 'pilot.document.delete',
      entityType: 'pilot_document',
      entityId: doc.id,
      tenantComune: c.comune_istat,
      details: { case: c.id, person: doc.person_id, kind: doc.kind },
    });
  });
}
