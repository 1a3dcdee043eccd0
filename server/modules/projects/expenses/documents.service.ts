/**
 * The files of an expense (the giustificativo, the quietanza, …): PDF, PNG or JPEG by content, at
 * most 10 MB, kept encrypted by the platform's document store (decision 0050). Read by the
 * Comune's staff, the assigned revisore, ANCI/Cittalia and MLPS (never the Regione); every
 * download audited; added and removed while the expense can change.
 */
import { createHash, randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { checkDocument, documentRefusals } from '../../../platform/documents/index.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { documentStore } from './documents.store.js';
import { assertNotLocked, loadScope, loadScopeForChange, mayEdit } from './expenses.access.js';
import {
  deleteExpenseDocumentRow,
  insertExpenseDocument,
  selectDocumentsOfExpense,
  selectExpenseDocument,
  updateExpenseStatus,
  type ExpenseDocumentRow,
} from './expenses.repo.js';
import { lockedStatuses, type ExpenseStatus } from './expenses.rules.js';
import type { ExpenseDocumentOut, UploadExpenseDocumentBody } from './expenses.schema.js';
import { loadExpense } from './expenses.service.js';

function toDocument(r: ExpenseDocumentRow): ExpenseDocumentOut {
  return {
    id: r.id,
    expenseId: r.expense_id,
    kind: r.kind as ExpenseDocumentOut['kind'],
    filename: r.filename,
    contentType: r.content_type as ExpenseDocumentOut['contentType'],
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedAt: r.uploaded_at.toISOString(),
    uploadedBy: r.uploaded_by_name,
  };
}

/** The documents of an expense (descriptions only): `projects.documents.read`. */
export async function listExpenseDocuments(
  ctx: Ctx,
  projectId: string,
  expenseId: string,
): Promise<{ items: ExpenseDocumentOut[]; canEdit: boolean }> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScope(tx, ctx, projectId, 'projects.documents.read');
    const row = await loadExpense(tx, scope, expenseId);
    return {
      items: (await selectDocumentsOfExpense(tx, row.id)).map(toDocument),
      canEdit: mayEdit(ctx, scope.project) && !lockedStatuses.includes(row.status as ExpenseStatus),
    };
  });
}

/**
 * Attaches a file to an expense that can still change. The type is read from the bytes; the name
 * must carry the matching extension; a PDF with scripts, launch actions or embedded files is refused.
 */
export async function uploadExpenseDocument(
  ctx: Ctx,
  projectId: string,
  expenseId: string,
  body: UploadExpenseDocumentBody,
): Promise<ExpenseDocumentOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScopeForChange(tx, ctx, projectId);
    const row = await loadExpense(tx, scope, expenseId, true);
    assertNotLocked(row.status);
    const bytes = Buffer.from(body.content, 'base64');
    const check = checkDocument(body.filename, bytes);
    if (!check.ok)
      throw new AppError(
        check.reason === 'too_large' ? 'projects.expense_document.too_large' : 'projects.expense_document.type',
        documentRefusals[check.reason],
      );
    const id = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await insertExpenseDocument(tx, {
      id,
      expenseId: row.id,
      projectId,
      comune: scope.project.comune_istat,
      kind: body.kind,
      filename: body.filename,
      contentType: check.type,
      sizeBytes: bytes.length,
      sha256,
      uploadedBy: ctx.actor!.userId,
      at: ctx.clock.now(),
    });
    await documentStore(ctx).put(tx, { id, comune: scope.project.comune_istat, parentId: projectId }, bytes);
    await recordAudit(tx, ctx, {
      action: 'projects.expense_document.upload',
      entityType: 'project_expense_document',
      entityId: id,
      tenantComune: scope.project.comune_istat,
      details: { project: projectId, expense: row.id, kind: body.kind, type: check.type, bytes: bytes.length, sha256 },
    });
    return toDocument((await selectExpenseDocument(tx, row.id, id))!);
  });
}

export interface ExpenseDocumentFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

/** One document's bytes, for download; every read is audited. */
export async function downloadExpenseDocument(
  ctx: Ctx,
  projectId: string,
  expenseId: string,
  documentId: string,
): Promise<ExpenseDocumentFile> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScope(tx, ctx, projectId, 'projects.documents.read');
    const row = await loadExpense(tx, scope, expenseId);
    const doc = await selectExpenseDocument(tx, row.id, documentId);
    if (!doc) throw new AppError('projects.expense_document.not_found');
    const bytes = await documentStore(ctx).get(tx, { id: doc.id, comune: doc.comune_istat, parentId: projectId });
    if (bytes === null) throw new AppError('projects.expense_document.not_found');
    await recordAudit(tx, ctx, {
      action: 'projects.expense_document.read',
      entityType: 'project_expense_document',
      entityId: doc.id,
      tenantComune: scope.project.comune_istat,
      details: { project: projectId, expense: row.id, kind: doc.kind },
    });
    return { bytes, contentType: doc.content_type, filename: doc.filename };
  });
}

/** Removes a document (and its bytes) of an expense that can still change; audited. */
export async function deleteExpenseDocument(
  ctx: Ctx,
  projectId: string,
  expenseId: string,
  documentId: string,
): Promise<void> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScopeForChange(tx, ctx, projectId);
    const row = await loadExpense(tx, scope, expenseId, true);
    assertNotLocked(row.status);
    const doc = await selectExpenseDocument(tx, row.id, documentId);
    if (!doc) throw new AppError('projects.expense_document.not_found');
    await documentStore(ctx).remove(tx, { id: doc.id, comune: doc.comune_istat, parentId: projectId });
    await deleteExpenseDocumentRow(tx, doc.id);
    // without any document an expense is no longer complete: back to BOZZA
    const back = row.document_count === 1 && (row.status === 'CARICATA' || row.status === 'VALIDATA');
    if (back) await updateExpenseStatus(tx, row.id, 'BOZZA', ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.expense_document.delete',
      entityType: 'project_expense_document',
      entityId: doc.id,
      tenantComune: scope.project.comune_istat,
      details: { project: projectId, expense: row.id, kind: doc.kind, ...(back ? { status: 'BOZZA' } : {}) },
    });
  });
}
