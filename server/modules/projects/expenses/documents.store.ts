/**
 * Where the bytes of the expenses' documents are kept: the platform's document store
 * (server/platform/documents, shared with the pilot's case records; decision 0050) over the
 * projects' own table, encrypted with the data key and declared for the key check and rotation.
 */
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import {
  databaseDocumentStore,
  documentContentsColumn,
  type DocumentContentsTable,
  type DocumentStore,
} from '../../../platform/documents/index.js';
import type { EncryptedColumn } from '../../../platform/module.js';
import { deleteExpenseDocumentRow, selectDocumentsOfExpense } from './expenses.repo.js';

export const projectDocumentContents: DocumentContentsTable = {
  table: 'project_document_contents',
  column: 'content',
  aad: 'project_document_contents/{id}/content',
  parentColumn: 'project_id',
};

/** The projects module's encrypted columns (listed in ../index.ts). */
export const expensesEncryptedColumns: EncryptedColumn[] = [documentContentsColumn(projectDocumentContents)];

export const documentStore = (ctx: Pick<Ctx, 'cipher'>): DocumentStore =>
  databaseDocumentStore(ctx.cipher, projectDocumentContents);

/** Removes every document of an expense and its bytes (the expense is being deleted); answers how many. */
export async function removeDocumentsOf(
  tx: Queryable,
  ctx: Pick<Ctx, 'cipher'>,
  expense: { id: string; comune_istat: string; project_id: string },
): Promise<number> {
  const docs = await selectDocumentsOfExpense(tx, expense.id);
  const store = documentStore(ctx);
  for (const d of docs) {
    await store.remove(tx, { id: d.id, comune: expense.comune_istat, parentId: expense.project_id });
    await deleteExpenseDocumentRow(tx, d.id);
  }
  return docs.length;
}
