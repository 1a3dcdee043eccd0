/**
 * The expenses (giustificativi) of a project (issue 12 item 3; decision 0050): the list with the
 * totals per budget line, one expense, recording and changing it with its checks and warnings,
 * its states, deleting it. Each use case is one transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { assertVersion, assignmentCovering } from '../shared/access.js';
import { removeDocumentsOf } from './documents.store.js';
import { assertNotLocked, loadScope, loadScopeForChange, mayEdit, type ExpenseScope } from './expenses.access.js';
import {
  deleteExpenseRow,
  insertExpense,
  selectActivityCodes,
  selectActivityIds,
  selectChargedAmounts,
  selectChargedByLine,
  selectExpense,
  selectExpensePage,
  selectSameDocument,
  updateExpense,
  updateExpenseStatus,
  type ExpenseRow,
  type SameDocumentRow,
} from './expenses.repo.js';
import {
  canMove,
  checkExpense,
  eligibilityPeriod,
  lockedStatuses,
  missingFor,
  missingMessages,
  warningMessages,
  warningsOf,
  type CheckedExpense,
  type ExpenseInput,
  type ExpenseStatus,
  type SettableStatus,
  type WarningCode,
} from './expenses.rules.js';
import type {
  CreateExpenseBody,
  ExpenseOut,
  ExpensePageOut,
  ListExpensesQuery,
  PatchExpenseBody,
} from './expenses.schema.js';

type Warning = ExpenseOut['warnings'][number];

/** The double-funding sentence naming the other projects (CUP or title only) where the document is charged. */
export function doubleFundingMessage(projectId: string, same: readonly SameDocumentRow[]): string {
  const labels = [
    ...new Set(same.map((s) => (s.project_id === projectId ? 'questo stesso progetto' : s.project_label))),
  ];
  return labels.length
    ? `Possibile doppio finanziamento: lo stesso documento (fornitore, numero e data) è imputato anche a ${labels.join(', ')}.`
    : warningMessages.double_funding;
}

function warningsOut(codes: readonly string[], doubleFunding?: string): Warning[] {
  return codes
    .filter((c): c is WarningCode => c in warningMessages)
    .map((code) => ({
      code,
      message: code === 'double_funding' && doubleFunding ? doubleFunding : warningMessages[code],
    }));
}

export function toExpense(
  r: ExpenseRow,
  scope: Pick<ExpenseScope, 'lines'>,
  canEdit: boolean,
  doubleFunding?: string,
): ExpenseOut {
  return {
    id: r.id,
    projectId: r.project_id,
    lineKey: r.line_key,
    categoryCode: scope.lines.find((l) => l.lineKey === r.line_key)?.categoryCode ?? null,
    activityId: r.activity_id,
    docType: r.doc_type,
    issuerName: r.issuer_name,
    issuerTaxId: r.issuer_tax_id,
    docNumber: r.doc_number,
    docDate: r.doc_date,
    description: r.description,
    netCents: r.net_cents,
    vatCents: r.vat_cents,
    vatRecoverable: r.vat_recoverable,
    grossCents: r.net_cents + r.vat_cents,
    chargedCents: r.charged_cents,
    paymentDate: r.payment_date,
    paymentMeans: r.payment_means,
    paymentRef: r.payment_ref,
    paymentCents: r.payment_cents,
    status: r.status as ExpenseStatus,
    warnings: warningsOut(r.warnings, doubleFunding),
    documentCount: r.document_count,
    imported: r.import_id !== null,
    rowVersion: r.row_version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    canEdit: canEdit && !lockedStatuses.includes(r.status as ExpenseStatus),
  };
}

/**
 * The project's expenses by document date, a page at a time, with the filters; the totals charged
 * to each line of the budget in force; the project's title and CUP for the page's header. A
 * revisore sees the expenses of their assignments' periods only.
 */
export async function listExpenses(ctx: Ctx, projectId: string, q: ListExpensesQuery): Promise<ExpensePageOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScope(tx, ctx, projectId);
    const { project, rules, lines, loaded } = scope;
    const periods = loaded.assignments?.map((a) => ({ from: a.period_start, to: a.period_end }));
    const { rows, total } = await selectExpensePage(
      tx,
      projectId,
      { ...q, periods },
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    // the totals of the whole project; a revisore's, of the periods assigned to them
    const charged = await selectChargedByLine(tx, projectId, periods);
    const canEdit = mayEdit(ctx, project);
    const period = eligibilityPeriod(rules, project);
    return {
      project: {
        id: project.id,
        title: project.title,
        cup: project.cup,
        status: project.status,
        eligibleFrom: period.from,
        eligibleTo: period.to,
        canEdit,
        documentTypes: rules.documentTypes,
        paymentMeans: rules.paymentMeans,
        activities: await selectActivityCodes(tx, projectId),
      },
      lines: lines.map((l) => {
        const cat = rules.categories.find((c) => c.code === l.categoryCode);
        const c = charged.find((x) => x.line_key === l.lineKey);
        const chargedCents = c?.charged_cents ?? 0;
        return {
          lineKey: l.lineKey,
          categoryCode: l.categoryCode,
          categoryLabelIt: cat?.labelIt ?? l.categoryCode,
          categoryLabelEn: cat?.labelEn ?? null,
          description: l.description,
          budgetCents: l.amountCents,
          chargedCents,
          expenseCount: c?.n ?? 0,
          pettyCash: cat?.pettyCash ?? false,
          flatRate: cat?.flatRate ?? false,
          over: chargedCents > l.amountCents,
        };
      }),
      items: rows.map((r) => toExpense(r, scope, canEdit)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** An expense of a project visible to the actor (404), within a revisore's periods (403). */
export async function loadExpense(
  tx: Queryable,
  scope: ExpenseScope,
  expenseId: string,
  lock = false,
): Promise<ExpenseRow> {
  const row = await selectExpense(tx, scope.project.id, expenseId, lock);
  if (!row) throw new AppError('projects.expense.not_found');
  if (scope.loaded.assignments) assignmentCovering(scope.loaded, row.doc_date);
  return row;
}

/** One expense, with its double-funding warning checked again now (naming the other projects by CUP or title). */
export async function getExpense(ctx: Ctx, projectId: string, expenseId: string): Promise<ExpenseOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScope(tx, ctx, projectId);
    const row = await loadExpense(tx, scope, expenseId);
    const same = await selectSameDocument(tx, row.issuer_key, row.number_key, row.doc_date, row.id);
    // another Comune may have charged the same document since: the warning is shown live
    const codes = same.length
      ? [...new Set([...row.warnings, 'double_funding'])]
      : row.warnings.filter((w) => w !== 'double_funding');
    return toExpense(
      { ...row, warnings: codes },
      scope,
      mayEdit(ctx, scope.project),
      doubleFundingMessage(projectId, same),
    );
  });
}

/** Checks an expense against the project; 400 with every problem on its field (cash: its own code). */
export async function checkedOrThrow(tx: Queryable, scope: ExpenseScope, input: ExpenseInput): Promise<CheckedExpense> {
  const activities = input.activityId ? await selectActivityIds(tx, scope.project.id) : new Set<string>();
  const check = checkExpense(scope.rules, scope.lines, activities, input);
  if (check.ok) return check.expense;
  const fieldIssues = check.problems.map((p) => ({ path: p.path, message: p.message, code: p.code }));
  if (check.cash) throw new AppError('projects.expense.cash_refused', check.problems[0]!.message, { fieldIssues });
  throw new AppError('projects.expense.invalid', check.problems.map((p) => p.message).join(' '), { fieldIssues });
}

/** The warnings of a checked expense and the documents found the same elsewhere. */
export async function warningsFor(
  tx: Queryable,
  scope: ExpenseScope,
  e: CheckedExpense,
  exceptId: string | null,
): Promise<{ codes: WarningCode[]; same: SameDocumentRow[] }> {
  const others = await selectChargedAmounts(tx, scope.project.id, exceptId);
  const same = await selectSameDocument(tx, e.issuerKey, e.numberKey, e.docDate, exceptId);
  return { codes: warningsOf(scope.rules, scope.project, scope.lines, e, others, same.length > 0), same };
}

const auditDetails = (e: CheckedExpense, codes: readonly string[]) => ({
  line: e.lineKey,
  docType: e.docType,
  docDate: e.docDate,
  chargedCents: e.chargedCents,
  warnings: [...codes],
});

/** Records an expense (BOZZA) on a line of the budget in force, with its warnings. */
export async function createExpense(ctx: Ctx, projectId: string, body: CreateExpenseBody): Promise<ExpenseOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScopeForChange(tx, ctx, projectId);
    const e = await checkedOrThrow(tx, scope, body);
    const { codes, same } = await warningsFor(tx, scope, e, null);
    const id = randomUUID();
    await insertExpense(tx, {
      ...e,
      warnings: codes,
      id,
      projectId,
      comune: scope.project.comune_istat,
      importId: null,
      createdBy: ctx.actor!.userId,
      at: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'projects.expense.create',
      entityType: 'project_expense',
      entityId: id,
      tenantComune: scope.project.comune_istat,
      details: { project: projectId, ...auditDetails(e, codes) },
    });
    const row = (await selectExpense(tx, projectId, id))!;
    return toExpense(row, scope, true, doubleFundingMessage(projectId, same));
  });
}

/**
 * Changes an expense (the fields sent; the others stay). A validated expense goes back to CARICATA
 * (it must be validated again), and one that no longer has its payment proof or a document back to
 * BOZZA. 409 once in a claim.
 */
export async function patchExpense(
  ctx: Ctx,
  projectId: string,
  expenseId: string,
  body: PatchExpenseBody,
): Promise<ExpenseOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScopeForChange(tx, ctx, projectId);
    const row = await loadExpense(tx, scope, expenseId, true);
    assertNotLocked(row.status);
    assertVersion(row.row_version, body.rowVersion);
    const { rowVersion: _rv, ...changes } = body;
    const current: ExpenseInput = {
      lineKey: row.line_key,
      activityId: row.activity_id,
      docType: row.doc_type,
      issuerName: row.issuer_name,
      issuerTaxId: row.issuer_tax_id,
      docNumber: row.doc_number,
      docDate: row.doc_date,
      description: row.description,
      netCents: row.net_cents,
      vatCents: row.vat_cents,
      vatRecoverable: row.vat_recoverable,
      chargedCents: row.charged_cents,
      paymentDate: row.payment_date,
      paymentMeans: row.payment_means,
      paymentRef: row.payment_ref,
      paymentCents: row.payment_cents,
    };
    const next = { ...current } as Record<string, unknown>;
    for (const [k, v] of Object.entries(changes)) if (v !== undefined) next[k] = v;
    const e = await checkedOrThrow(tx, scope, next as unknown as ExpenseInput);
    const { codes, same } = await warningsFor(tx, scope, e, row.id);
    let status = row.status as ExpenseStatus;
    if (status === 'VALIDATA') status = 'CARICATA';
    if (
      status === 'CARICATA' &&
      missingFor(
        'CARICATA',
        { payment_date: e.paymentDate, payment_means: e.paymentMeans, payment_cents: e.paymentCents },
        row.document_count,
      ).length
    )
      status = 'BOZZA';
    await updateExpense(tx, row.id, { ...e, warnings: codes, status, at: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'projects.expense.update',
      entityType: 'project_expense',
      entityId: row.id,
      tenantComune: scope.project.comune_istat,
      details: {
        project: projectId,
        fields: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined),
        from: row.status,
        to: status,
        ...auditDetails(e, codes),
      },
    });
    return toExpense((await selectExpense(tx, projectId, row.id))!, scope, true, doubleFundingMessage(projectId, same));
  });
}

/** Deletes an expense not yet in a claim, with its documents and their bytes. */
export async function deleteExpense(ctx: Ctx, projectId: string, expenseId: string): Promise<void> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScopeForChange(tx, ctx, projectId);
    const row = await loadExpense(tx, scope, expenseId, true);
    assertNotLocked(row.status);
    const removed = await removeDocumentsOf(tx, ctx, row);
    await deleteExpenseRow(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'projects.expense.delete',
      entityType: 'project_expense',
      entityId: row.id,
      tenantComune: scope.project.comune_istat,
      details: { project: projectId, line: row.line_key, docDate: row.doc_date, documents: removed },
    });
  });
}

/**
 * Moves an expense between BOZZA, CARICATA and VALIDATA: forwards one step (CARICATA needs the
 * payment proof and at least one document; VALIDATA is set by the responsabile amministrativo),
 * backwards to any earlier state. 409 with `context.missing` when something is lacking.
 */
export async function setExpenseStatus(
  ctx: Ctx,
  projectId: string,
  expenseId: string,
  body: { to: SettableStatus; rowVersion?: number | undefined },
): Promise<ExpenseOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScopeForChange(tx, ctx, projectId);
    const row = await loadExpense(tx, scope, expenseId, true);
    assertNotLocked(row.status);
    assertVersion(row.row_version, body.rowVersion);
    if (body.to === 'VALIDATA') assertCan(ctx.actor, 'projects.expenses.validate');
    const from = row.status as ExpenseStatus;
    if (!canMove(from, body.to))
      throw new AppError('projects.state', `An expense does not go from ${from} to ${body.to}.`, {
        context: { status: from },
      });
    const missing = missingFor(body.to, row, row.document_count);
    if (missing.length)
      throw new AppError(
        'projects.expense.transition',
        `Per passare allo stato richiesto manca ${missing.map((m) => missingMessages[m]).join(' e ')}.`,
        { context: { missing: missing.join(',') } },
      );
    await updateExpenseStatus(tx, row.id, body.to, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'projects.expense.status',
      entityType: 'project_expense',
      entityId: row.id,
      tenantComune: scope.project.comune_istat,
      details: { project: projectId, from, to: body.to },
    });
    return toExpense((await selectExpense(tx, projectId, row.id))!, scope, true);
  });
}
