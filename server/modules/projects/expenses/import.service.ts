/**
 * Import of an expense register from CSV (UTF-8 or Windows-1252) or XLSX, through the platform's
 * bounded upload reader (decision 0018), with a row report in Italian (decisions 0028 and 0050).
 * A dry run writes nothing; confirming imports the valid rows in one transaction with one audit row.
 * A document already recorded on the same line (same issuer, number and date) is a duplicate and
 * is not imported again, so the same file imported twice does not double the expenses.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { readTable } from '../../../platform/upload/index.js';
import { recordAudit } from '../../audit/index.js';
import { loadScopeForChange } from './expenses.access.js';
import {
  insertExpense,
  selectActivityCodes,
  selectChargedAmounts,
  selectDocumentKeys,
  selectSameDocument,
} from './expenses.repo.js';
import { checkExpense, warningMessages, warningsOf, type ChargedAmount } from './expenses.rules.js';
import type { ImportExpensesBody, ImportReportOut } from './expenses.schema.js';
import { doubleFundingMessage } from './expenses.service.js';
import {
  columnHeaders,
  columnOfField,
  columnsOfHeader,
  readExpenseRow,
  requiredColumns,
  rowMessage,
  type ImportColumn,
} from './import.rules.js';

export const MAX_IMPORT_ROWS = 2000;

/** Validates and, unless a dry run, imports an expense register into the project. */
export async function importExpenses(ctx: Ctx, projectId: string, body: ImportExpensesBody): Promise<ImportReportOut> {
  // the project first: a file is not read for someone who may not import into it
  await ctx.db.tx(accessOf(ctx.actor), (tx) => loadScopeForChange(tx, ctx, projectId));
  const table = await readTable({
    format: body.format,
    bytes: Buffer.from(body.content, 'base64'),
    encoding: body.encoding,
    maxRows: MAX_IMPORT_ROWS,
  });
  const columns = columnsOfHeader(table.header);
  if (!table.rows.length) throw new AppError('projects.expense.import_invalid', 'Il file non contiene righe di spesa.');
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (missing.length)
    throw new AppError(
      'projects.expense.import_invalid',
      `Mancano le colonne: ${missing.map((c) => columnHeaders[c]).join(', ')}.`,
      { context: { missing: missing.map((c) => columnHeaders[c]).join(', ') } },
    );
  const nameOf = (c: ImportColumn | null) => (c === null ? null : (columns.get(c)?.name ?? columnHeaders[c]));

  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const scope = await loadScopeForChange(tx, ctx, projectId);
    const { rules, lines, project } = scope;
    const activities = await selectActivityCodes(tx, projectId);
    const activityByCode = new Map(activities.map((a) => [a.code, a.id]));
    const activityIds = new Set(activities.map((a) => a.id));
    const known = await selectDocumentKeys(tx, projectId);
    const charged: ChargedAmount[] = await selectChargedAmounts(tx, projectId, null);
    const importId = randomUUID();
    const now = ctx.clock.now();
    const report: ImportReportOut['report'] = [];
    const fileDocuments = new Set<string>();
    let imported = 0;
    for (const r of table.rows) {
      const cells: Partial<Record<ImportColumn, string>> = {};
      for (const [c, { index }] of columns) cells[c] = r.cells[index] ?? '';
      const read = readExpenseRow(cells, rules, lines, activityByCode);
      const messages = read.problems.map((p) => rowMessage(r.line, nameOf(p.column), p.message));
      if (!read.input) {
        report.push({ row: r.line, outcome: 'invalid', messages, warnings: [], expenseId: null });
        continue;
      }
      const check = checkExpense(rules, lines, activityIds, read.input);
      if (!check.ok) {
        const problems = check.problems.map((p) =>
          rowMessage(r.line, nameOf(columnOfField[p.path] ?? null), p.message),
        );
        report.push({ row: r.line, outcome: 'invalid', messages: problems, warnings: [], expenseId: null });
        continue;
      }
      const e = check.expense;
      const docKey = `${e.issuerKey}|${e.numberKey}|${e.docDate}`;
      const key = `${docKey}|${e.lineKey}`;
      if (known.has(key)) {
        report.push({
          row: r.line,
          outcome: 'duplicate',
          messages: [
            rowMessage(
              r.line,
              null,
              'documento già registrato su questa voce (stesso fornitore, numero e data): non viene importato di nuovo',
            ),
          ],
          warnings: [],
          expenseId: null,
        });
        continue;
      }
      known.add(key);
      const same = await selectSameDocument(tx, e.issuerKey, e.numberKey, e.docDate, null);
      const inFile = fileDocuments.has(docKey);
      fileDocuments.add(docKey);
      const codes = warningsOf(rules, project, lines, e, charged, same.length > 0 || inFile);
      charged.push({ lineKey: e.lineKey, chargedCents: e.chargedCents });
      const warnings = codes.map((code) => ({
        code,
        message:
          code === 'double_funding' && same.length ? doubleFundingMessage(projectId, same) : warningMessages[code],
      }));
      let expenseId: string | null = null;
      if (!body.dryRun) {
        expenseId = randomUUID();
        await insertExpense(tx, {
          ...e,
          warnings: codes,
          id: expenseId,
          projectId,
          comune: project.comune_istat,
          importId,
          createdBy: ctx.actor!.userId,
          at: now,
        });
        imported++;
      }
      report.push({ row: r.line, outcome: body.dryRun ? 'valid' : 'imported', messages: [], warnings, expenseId });
    }
    const count = (o: string) => report.filter((x) => x.outcome === o).length;
    const summary: ImportReportOut = {
      dryRun: body.dryRun,
      encoding: table.encoding,
      rows: table.rows.length,
      valid: count('valid') + count('imported'),
      invalid: count('invalid'),
      duplicates: count('duplicate'),
      imported,
      report,
    };
    if (!body.dryRun)
      await recordAudit(tx, ctx, {
        action: 'projects.expense.import',
        entityType: 'project',
        entityId: projectId,
        tenantComune: project.comune_istat,
        details: {
          import: importId,
          format: body.format,
          encoding: table.encoding,
          rows: summary.rows,
          imported,
          invalid: summary.invalid,
          duplicates: summary.duplicates,
        },
      });
    return summary;
  });
}
