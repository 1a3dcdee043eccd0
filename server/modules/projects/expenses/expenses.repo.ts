/** SQL of the projects' expenses and their documents: takes a transaction, returns plain rows. */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import type { LineInForce } from './expenses.rules.js';

export interface ExpenseRow {
  id: string;
  project_id: string;
  comune_istat: string;
  line_key: string;
  activity_id: string | null;
  doc_type: string;
  issuer_name: string;
  issuer_tax_id: string | null;
  issuer_key: string;
  doc_number: string;
  number_key: string;
  doc_date: string;
  description: string | null;
  net_cents: number;
  vat_cents: number;
  vat_recoverable: boolean;
  charged_cents: number;
  payment_date: string | null;
  payment_means: string | null;
  payment_ref: string | null;
  payment_cents: number | null;
  status: string;
  warnings: string[];
  import_id: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: number;
  document_count: number;
}

const columns = `e.id, e.project_id, e.comune_istat, e.line_key, e.activity_id, e.doc_type, e.issuer_name, e.issuer_tax_id,
  e.issuer_key, e.doc_number, e.number_key, e.doc_date::text AS doc_date, e.description, e.net_cents AS net_cents,
  e.vat_cents AS vat_cents, e.vat_recoverable, e.charged_cents AS charged_cents,
  e.payment_date::text AS payment_date, e.payment_means, e.payment_ref, e.payment_cents AS payment_cents,
  e.status, e.warnings, e.import_id, e.created_at, e.updated_at, e.row_version,
  (SELECT count(*)::int FROM project_expense_documents d WHERE d.expense_id = e.id) AS document_count`;

/** The lines of the budget version in force: the APPROVATA version with the highest number. */
export async function selectLinesInForce(tx: Queryable, projectId: string): Promise<LineInForce[]> {
  return tx.query<LineInForce>(
    `SELECT l.line_key AS "lineKey", l.category_code AS "categoryCode", l.description,
            l.amount_cents AS "amountCents"
       FROM project_budget_lines l
      WHERE l.budget_version_id = (SELECT v.id FROM project_budget_versions v
                                    WHERE v.project_id = $1 AND v.status = 'APPROVATA'
                                    ORDER BY v.version_no DESC LIMIT 1)
      ORDER BY l.position, l.line_key`,
    [projectId],
  );
}

export async function selectActivityIds(tx: Queryable, projectId: string): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>('SELECT id FROM project_activities WHERE project_id = $1', [projectId]);
  return new Set(rows.map((r) => r.id));
}

export async function selectActivityCodes(
  tx: Queryable,
  projectId: string,
): Promise<Array<{ id: string; code: string; title: string }>> {
  return tx.query('SELECT id, code, title FROM project_activities WHERE project_id = $1 ORDER BY code', [projectId]);
}

export async function selectCallRules(tx: Queryable, callVersionId: string): Promise<unknown> {
  const [row] = await tx.query<{ rules: unknown }>('SELECT rules FROM project_call_versions WHERE id = $1', [
    callVersionId,
  ]);
  return row?.rules;
}

export async function selectExpense(
  tx: Queryable,
  projectId: string,
  id: string,
  lock = false,
): Promise<ExpenseRow | undefined> {
  const [row] = await tx.query<ExpenseRow>(
    `SELECT ${columns} FROM project_expenses e WHERE e.id = $1 AND e.project_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, projectId],
  );
  return row;
}

export interface ExpenseFilter {
  lineKey?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  withWarnings?: boolean | undefined;
  /** A revisore sees the expenses of the periods of their assignments only. */
  periods?: ReadonlyArray<{ from: string; to: string }> | undefined;
}

/**
 * A page of the project's expenses by document date, with the count of all that match: one query on
 * the (project_id, doc_date, id) index.
 */
export async function selectExpensePage(
  tx: Queryable,
  projectId: string,
  f: ExpenseFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ExpenseRow[]; total: number }> {
  const w = new Where().add('e.project_id = $?', projectId);
  if (f.lineKey) w.add('e.line_key = $?', f.lineKey);
  if (f.status) w.add('e.status = $?', f.status);
  if (f.from) w.add('e.doc_date >= $?::date', f.from);
  if (f.to) w.add('e.doc_date <= $?::date', f.to);
  if (f.q) {
    const p = w.param(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    w.raw(`(e.issuer_name ILIKE ${p} OR e.doc_number ILIKE ${p})`);
  }
  if (f.withWarnings === true) w.raw(`cardinality(e.warnings) > 0`);
  if (f.withWarnings === false) w.raw(`cardinality(e.warnings) = 0`);
  if (f.periods) {
    const parts = f.periods.map((p) => `(e.doc_date BETWEEN ${w.param(p.from)}::date AND ${w.param(p.to)}::date)`);
    w.raw(parts.length ? `(${parts.join(' OR ')})` : 'false');
  }
  const rows = await tx.query<ExpenseRow & { total: number }>(
    `SELECT ${columns}, count(*) OVER ()::int AS total
       FROM project_expenses e ${w}
      ORDER BY e.doc_date, e.id
      LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
  return { rows, total: rows[0]?.total ?? (offset > 0 ? await countExpenses(tx, w) : 0) };
}

async function countExpenses(tx: Queryable, w: Where): Promise<number> {
  // a page past the end: the count alone (the window count comes with rows only)
  const params = w.params.slice(0, -2);
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM project_expenses e ${w}`, params);
  return row?.n ?? 0;
}

/**
 * What is charged to each line of the project (every state), one aggregate on the line index; for
 * a revisore, over the periods of their assignments only.
 */
export async function selectChargedByLine(
  tx: Queryable,
  projectId: string,
  periods?: ReadonlyArray<{ from: string; to: string }>,
): Promise<Array<{ line_key: string; charged_cents: number; n: number }>> {
  const w = new Where().add('project_id = $?', projectId);
  if (periods) {
    const parts = periods.map((p) => `(doc_date BETWEEN ${w.param(p.from)}::date AND ${w.param(p.to)}::date)`);
    w.raw(parts.length ? `(${parts.join(' OR ')})` : 'false');
  }
  return tx.query(
    `SELECT line_key, sum(charged_cents) AS charged_cents, count(*)::int AS n
       FROM project_expenses ${w} GROUP BY line_key`,
    w.params,
  );
}

/** The charged amounts of the project's other expenses (for the line and cap warnings). */
export async function selectChargedAmounts(
  tx: Queryable,
  projectId: string,
  exceptId: string | null,
): Promise<Array<{ lineKey: string; chargedCents: number }>> {
  return tx.query(
    `SELECT line_key AS "lineKey", sum(charged_cents) AS "chargedCents"
       FROM project_expenses WHERE project_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) GROUP BY line_key`,
    [projectId, exceptId],
  );
}

export interface SameDocumentRow {
  expense_id: string;
  project_id: string;
  project_label: string;
  own: boolean;
}

/**
 * The same document (issuer, number, date) charged elsewhere, in any Comune's project: through the
 * SECURITY DEFINER function of migration 0028, which answers the project's CUP or title only.
 */
export async function selectSameDocument(
  tx: Queryable,
  issuerKey: string,
  numberKey: string,
  docDate: string,
  exceptId: string | null,
): Promise<SameDocumentRow[]> {
  return tx.query<SameDocumentRow>(
    'SELECT expense_id, project_id, project_label, own FROM project_expense_same_document($1, $2, $3::date, $4::uuid)',
    [issuerKey, numberKey, docDate, exceptId],
  );
}

export interface ExpenseValues {
  lineKey: string;
  activityId: string | null;
  docType: string;
  issuerName: string;
  issuerTaxId: string | null;
  issuerKey: string;
  docNumber: string;
  numberKey: string;
  docDate: string;
  description: string | null;
  netCents: number;
  vatCents: number;
  vatRecoverable: boolean;
  chargedCents: number;
  paymentDate: string | null;
  paymentMeans: string | null;
  paymentRef: string | null;
  paymentCents: number | null;
  warnings: string[];
}

const valueList = (v: ExpenseValues) => [
  v.lineKey,
  v.activityId,
  v.docType,
  v.issuerName,
  v.issuerTaxId,
  v.issuerKey,
  v.docNumber,
  v.numberKey,
  v.docDate,
  v.description,
  v.netCents,
  v.vatCents,
  v.vatRecoverable,
  v.chargedCents,
  v.paymentDate,
  v.paymentMeans,
  v.paymentRef,
  v.paymentCents,
  v.warnings,
];

export async function insertExpense(
  tx: Queryable,
  e: ExpenseValues & {
    id: string;
    projectId: string;
    comune: string;
    importId: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_expenses (line_key, activity_id, doc_type, issuer_name, issuer_tax_id, issuer_key, doc_number,
            number_key, doc_date, description, net_cents, vat_cents, vat_recoverable, charged_cents, payment_date,
            payment_means, payment_ref, payment_cents, warnings,
            id, project_id, comune_istat, status, import_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             $20, $21, $22, 'BOZZA', $23, $24, $25, $25)`,
    [...valueList(e), e.id, e.projectId, e.comune, e.importId, e.createdBy, e.at],
  );
}

export async function updateExpense(
  tx: Queryable,
  id: string,
  e: ExpenseValues & { status: string; at: Date },
): Promise<void> {
  await tx.query(
    `UPDATE project_expenses SET line_key = $1, activity_id = $2, doc_type = $3, issuer_name = $4, issuer_tax_id = $5,
            issuer_key = $6, doc_number = $7, number_key = $8, doc_date = $9, description = $10, net_cents = $11,
            vat_cents = $12, vat_recoverable = $13, charged_cents = $14, payment_date = $15, payment_means = $16,
            payment_ref = $17, payment_cents = $18, warnings = $19, status = $20, updated_at = $21,
            row_version = row_version + 1
      WHERE id = $22`,
    [...valueList(e), e.status, e.at, id],
  );
}

export async function updateExpenseStatus(tx: Queryable, id: string, status: string, at: Date): Promise<void> {
  await tx.query(
    'UPDATE project_expenses SET status = $1, updated_at = $2, row_version = row_version + 1 WHERE id = $3',
    [status, at, id],
  );
}

export async function deleteExpenseRow(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM project_expenses WHERE id = $1', [id]);
}

/** The documents already in the project for the import's duplicate check: issuer, number, date and line. */
export async function selectDocumentKeys(tx: Queryable, projectId: string): Promise<Set<string>> {
  const rows = await tx.query<{ k: string }>(
    `SELECT issuer_key || '|' || number_key || '|' || doc_date::text || '|' || line_key::text AS k
       FROM project_expenses WHERE project_id = $1`,
    [projectId],
  );
  return new Set(rows.map((r) => r.k));
}

// documents

export interface ExpenseDocumentRow {
  id: string;
  expense_id: string;
  project_id: string;
  comune_istat: string;
  kind: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
  uploaded_by_name: string | null;
}

const documentColumns = `d.id, d.expense_id, d.project_id, d.comune_istat, d.kind, d.filename, d.content_type,
  d.size_bytes, d.sha256, d.uploaded_at, u.display_name AS uploaded_by_name`;

export async function selectDocumentsOfExpense(tx: Queryable, expenseId: string): Promise<ExpenseDocumentRow[]> {
  return tx.query<ExpenseDocumentRow>(
    `SELECT ${documentColumns} FROM project_expense_documents d LEFT JOIN users u ON u.id = d.uploaded_by
      WHERE d.expense_id = $1 ORDER BY d.uploaded_at, d.id`,
    [expenseId],
  );
}

export async function selectExpenseDocument(
  tx: Queryable,
  expenseId: string,
  id: string,
): Promise<ExpenseDocumentRow | undefined> {
  const [row] = await tx.query<ExpenseDocumentRow>(
    `SELECT ${documentColumns} FROM project_expense_documents d LEFT JOIN users u ON u.id = d.uploaded_by
      WHERE d.id = $1 AND d.expense_id = $2`,
    [id, expenseId],
  );
  return row;
}

export async function insertExpenseDocument(
  tx: Queryable,
  d: {
    id: string;
    expenseId: string;
    projectId: string;
    comune: string;
    kind: string;
    filename: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO project_expense_documents (id, expense_id, project_id, comune_istat, kind, filename, content_type,
            size_bytes, sha256, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      d.id,
      d.expenseId,
      d.projectId,
      d.comune,
      d.kind,
      d.filename,
      d.contentType,
      d.sizeBytes,
      d.sha256,
      d.uploadedBy,
      d.at,
    ],
  );
}

export async function deleteExpenseDocumentRow(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM project_expense_documents WHERE id = $1', [id]);
}
