/**
 * Import of beneficiaries from CSV or XLSX, with a row-by-row validation report. An import writes
 * nothing when a row fails, unless the user chose to import only the valid rows; a row already
 * imported (same keyed fingerprint) is skipped, so importing the same file twice creates nothing new.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { readTable, type EncodingChoice, type TextEncoding } from '../../../platform/upload/index.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { comuneOf, todayOf } from '../shared/access.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { ImportMode } from './cases.schema.js';
import { isPilotComune } from '../shared/comuni.repo.js';
import type { LabelLanguage } from '../shared/labels.js';
import { refreshComuneTasks } from '../shared/tasks.js';
import { openCase } from './case-file.js';
import { selectCaseManagers, type CaseManagerRow } from './case-managers.repo.js';
import { selectKnownPersons } from './io.repo.js';
import { cfIndex, importIndex } from '../shared/identity.js';
import {
  columnsOfHeader,
  extraCellsProblem,
  importText,
  problemText,
  readRow,
  requiredColumns,
  type ImportColumn,
  type ImportedPerson,
  type Problem,
} from './import.rules.js';

export { importColumns } from './import.rules.js';
export const MAX_IMPORT_ROWS = 2000;

export interface ImportRowError {
  /** the column as its header is written in the file; null for a problem of the whole row */
  column: string | null;
  /** the cell as written, when the problem is about its value */
  value: string | null;
  /** what is wrong, in the user's language, without the row and column */
  reason: string;
  /** the whole sentence: row, column, value and what is wrong */
  message: string;
}
export interface ImportRowReport {
  row: number;
  status: 'valid' | 'invalid' | 'already_imported' | 'imported';
  pseudonym: string | null;
  /** the case manager the row's case goes (or would go) to */
  caseManager: string | null;
  errors: ImportRowError[];
}
export interface ImportReport {
  mode: ImportMode;
  /** the encoding a CSV was read in; null for XLSX */
  encoding: TextEncoding | null;
  rows: number;
  valid: number;
  invalid: number;
  alreadyImported: number;
  imported: number;
  report: ImportRowReport[];
}

export interface ImportRequest {
  format: 'csv' | 'xlsx';
  content: string;
  mode: ImportMode;
  encoding?: EncodingChoice | undefined;
  /** the case manager of the imported cases (rows without a case_manager of their own); default: the importing user */
  caseManagerId?: string | undefined;
  lang: LabelLanguage;
}

interface FileRow {
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
  /** a problem of the whole row (more cells than the header has columns) */
  extra: Problem | undefined;
}

/**
 * The file's rows, each cell under its column, with its line in the file. Parsed by the platform's
 * upload reader (in a worker, within its limits), which also stops at MAX_IMPORT_ROWS.
 */
async function readRows(body: ImportRequest): Promise<{
  rows: FileRow[];
  columns: ReturnType<typeof columnsOfHeader>;
  encoding: TextEncoding | null;
}> {
  const table = await readTable({
    format: body.format,
    bytes: Buffer.from(body.content, 'base64'),
    encoding: body.encoding ?? 'auto',
    maxRows: MAX_IMPORT_ROWS,
  });
  const columns = columnsOfHeader(table.header);
  const rows = table.rows.map((r) => {
    const cells: FileRow['cells'] = {};
    for (const [column, { index }] of columns) cells[column] = r.cells[index] ?? '';
    return { line: r.line, cells, extra: extraCellsProblem(r.cells.length, table.header.length, table.delimiter) };
  });
  return { rows, columns, encoding: table.encoding };
}

/**
 * Validates (and, unless a dry run, imports) a file of beneficiaries: each valid row registers a
 * permit holder and opens their case, given to the row's case_manager, else to the case manager
 * chosen for the import, else to the importing user. Every message is in `lang`.
 */
export async function importBeneficiaries(ctx: Ctx, body: ImportRequest): Promise<ImportReport> {
  assertCan(ctx.actor, 'pilot.cases.write');
  const comune = comuneOf(ctx.actor);
  const { lang } = body;
  // a file the reader refuses (too large, too complex, unreadable, undecodable) is an upload.* problem
  const { rows, columns, encoding } = await readRows(body);
  if (!rows.length) throw new AppError('pilot.import_invalid', importText(lang, 'noRows'));
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (missing.length)
    throw new AppError('pilot.import_invalid', importText(lang, 'missingColumns', { columns: missing.join(', ') }));
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (!(await isPilotComune(tx, comune)))
      throw new AppError('pilot.not_in_comune', 'This Comune is not part of the 18-ter pilot.');
    // a row with a cell too many is refused as a whole: its shifted cells would only give misleading errors
    const read = rows.map((r) => (r.extra ? { person: undefined, problems: [r.extra] } : readRow(r.cells, today)));
    const managers = await caseManagersOf(tx, ctx, comune, body);
    const report: ImportRowReport[] = [];
    const candidates: ({
      input: ImportedPerson;
      owner: CaseManagerRow;
      importKey: string;
      cfIdx: string | null;
    } | null)[] = [];
    for (const [i, { person, problems }] of read.entries()) {
      const line = rows[i]!.line;
      const owner = person?.caseManagerEmail
        ? managers.byEmail.get(person.caseManagerEmail.toLowerCase())
        : managers.chosen;
      if (person?.caseManagerEmail && !owner)
        problems.push({ column: 'case_manager', key: 'caseManager', params: { value: person.caseManagerEmail } });
      // the importing user by default; were they no longer eligible, the row says so rather than failing silently
      else if (person && !owner) problems.push({ column: 'case_manager', key: 'caseManagerChosen', params: {} });
      const errors = problems.map((p): ImportRowError => {
        const column = p.column === null ? null : (columns.get(p.column)?.name ?? p.column);
        const value = p.column === null ? null : (rows[i]!.cells[p.column] ?? '').trim() || null;
        return { column, value, ...problemText(lang, line, column, p) };
      });
      const ok = person !== undefined && owner !== undefined && !errors.length;
      report.push({
        row: line,
        status: ok ? 'valid' : 'invalid',
        pseudonym: null,
        caseManager: ok ? owner.display_name : null,
        errors,
      });
      candidates.push(
        ok
          ? {
              input: person,
              owner,
              importKey: importIndex(ctx.cipher, person.identity),
              cfIdx: person.identity.codiceFiscale ? cfIndex(ctx.cipher, person.identity.codiceFiscale) : null,
            }
          : null,
      );
    }
    // rows imported before (or persons registered with the same codice fiscale): one query for the file
    const valid = candidates.filter((c) => c !== null);
    const known = await selectKnownPersons(
      tx,
      comune,
      valid.map((c) => c.importKey),
      valid.flatMap((c) => (c.cfIdx ? [c.cfIdx] : [])),
    );
    const seen = new Set(known.flatMap((k) => [k.import_key, k.cf_index]).filter((v) => v !== null));
    const inputs = candidates.map((c, i) => {
      if (!c) return null;
      const again = seen.has(c.importKey) || (c.cfIdx !== null && seen.has(c.cfIdx));
      seen.add(c.importKey);
      if (c.cfIdx) seen.add(c.cfIdx);
      if (again) report[i]!.status = 'already_imported';
      return again ? null : c;
    });
    const invalid = report.filter((r) => r.status === 'invalid').length;
    const summary = (imported: number): ImportReport => ({
      mode: body.mode,
      encoding,
      rows: rows.length,
      valid: report.filter((r) => r.status === 'valid' || r.status === 'imported').length,
      invalid,
      alreadyImported: report.filter((r) => r.status === 'already_imported').length,
      imported,
      report,
    });
    if (body.mode === 'dry_run') return summary(0);
    if (body.mode === 'all' && invalid > 0) {
      // each issue: the row and the column (as the file names it) in its path, the reason in words
      throw new AppError('pilot.import_invalid', importText(lang, 'invalidRows', { count: invalid }), {
        fieldIssues: report
          .filter((r) => r.status === 'invalid')
          .flatMap((r) =>
            r.errors.map((e) => ({
              path: e.column === null ? `row ${r.row}` : `row ${r.row}.${e.column}`,
              message: e.reason,
              code: 'invalid',
            })),
          ),
      });
    }
    let imported = 0;
    for (const [i, c] of inputs.entries()) {
      if (!c) continue;
      const { person } = await openCase(tx, ctx, {
        comune,
        holder: c.input,
        openedOn: c.input.openedOn,
        inSai: c.input.inSai,
        ownerId: c.owner.id,
        referralId: null,
        importKey: c.importKey,
      });
      report[i]!.status = 'imported';
      report[i]!.pseudonym = person.pseudonym;
      imported++;
    }
    if (imported) await refreshComuneTasks(tx, ctx, comune);
    await recordAudit(tx, ctx, {
      action: 'pilot.import',
      entityType: 'pilot_import',
      tenantComune: comune,
      details: {
        format: body.format,
        encoding,
        mode: body.mode,
        rows: rows.length,
        imported,
        invalid,
        // who was given the imported cases: user ids, no personal data of the beneficiaries
        caseManagers: [...new Set(inputs.flatMap((c) => (c ? [c.owner.id] : [])))],
      },
    });
    return summary(imported);
  });
}

/**
 * The case managers an import may give its cases to: the one chosen for the file (default: the
 * importing user), and those the rows name by e-mail. Each must be an active operatore or referente
 * of the Comune; a chosen one who is not refuses the request.
 */
async function caseManagersOf(
  tx: Queryable,
  ctx: Ctx,
  comune: string,
  body: ImportRequest,
): Promise<{ chosen: CaseManagerRow | undefined; byEmail: Map<string, CaseManagerRow> }> {
  const chosenId = body.caseManagerId ?? ctx.actor!.userId;
  // a Comune has a handful of operatori and referenti: all of them, matched here by id and e-mail
  const found = await selectCaseManagers(tx, comune);
  const chosen = found.find((m) => m.id === chosenId);
  if (body.caseManagerId !== undefined && !chosen) {
    const message = importText(body.lang, 'caseManagerChosen');
    throw new AppError('pilot.invalid', message, {
      fieldIssues: [{ path: 'body.caseManagerId', message, code: 'not_eligible' }],
    });
  }
  return { chosen, byEmail: new Map(found.map((m) => [m.email.toLowerCase(), m])) };
}

/** The users the cases of an import may be given to (for the case manager picker). */
export async function listImportCaseManagers(
  ctx: Ctx,
): Promise<{ items: { id: string; displayName: string; email: string }[] }> {
  assertCan(ctx.actor, 'pilot.cases.write');
  const comune = comuneOf(ctx.actor);
  const rows = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectCaseManagers(tx, comune));
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email })) };
}
