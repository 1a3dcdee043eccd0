/**
 * Import of beneficiaries from CSV or XLSX, with a row-by-row validation report. An import writes
 * nothing when a row fails, unless the user chose to import only the valid rows; a row already
 * imported (same keyed fingerprint) is skipped, so importing the same file twice creates nothing new.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { comuneOf, todayOf } from '../shared/access.js';
import { personInputSchema, type ImportMode, type PersonInput } from './cases.schema.js';
import { isPilotComune } from '../shared/comuni.repo.js';
import { openCase } from './case-file.js';
import { personIssues } from './checks.js';
import { selectKnownPersons } from './io.repo.js';
import { cfIndex, importIndex } from '../shared/identity.js';
import { isIsoDate } from '../shared/dates.js';

/** The columns of an import file, in Italian as the users write them. */
export const importColumns = [
  'cognome',
  'nomi',
  'data_nascita',
  'sesso',
  'paese_nascita',
  'cittadinanze',
  'lingue',
  'codice_fiscale',
  'telefono',
  'email',
  'indirizzo',
  'data_presa_in_carico',
  'in_sai',
] as const;
const requiredColumns = [
  'cognome',
  'nomi',
  'data_nascita',
  'sesso',
  'paese_nascita',
  'cittadinanze',
  'data_presa_in_carico',
];
export const MAX_IMPORT_ROWS = 2000;

export interface ImportRowReport {
  row: number;
  status: 'valid' | 'invalid' | 'already_imported' | 'imported';
  pseudonym: string | null;
  errors: { column: string; message: string }[];
}
export interface ImportReport {
  mode: ImportMode;
  rows: number;
  valid: number;
  invalid: number;
  alreadyImported: number;
  imported: number;
  report: ImportRowReport[];
}

type RawRow = Record<string, string>;

async function readRows(format: 'csv' | 'xlsx', content: Buffer): Promise<RawRow[]> {
  if (format === 'csv') {
    let text = content.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const delimiter = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
    return parse<RawRow>(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      delimiter,
      relax_column_count: true,
    });
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const header: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    header[col] = String(cell.text ?? '')
      .trim()
      .toLowerCase();
  });
  const rows: RawRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r: RawRow = {};
    header.forEach((h, col) => {
      if (!h) return;
      const cell = row.getCell(col);
      const v = cell.value;
      r[h] = v instanceof Date ? v.toISOString().slice(0, 10) : String(cell.text ?? '').trim();
    });
    if (Object.values(r).some((v) => v !== '')) rows.push(r);
  });
  return rows;
}

function toPersonInput(r: RawRow): {
  input?: PersonInput & { openedOn: string; inSai: boolean };
  errors: ImportRowReport['errors'];
} {
  const errors: ImportRowReport['errors'] = [];
  for (const c of requiredColumns) if (!r[c]) errors.push({ column: c, message: 'Valore obbligatorio mancante' });
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(/[;,\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
  const candidate = {
    identity: {
      surname: r.cognome ?? '',
      givenNames: r.nomi ?? '',
      birthDate: r.data_nascita ?? '',
      codiceFiscale: r.codice_fiscale || null,
      phone: r.telefono || null,
      email: r.email || null,
      address: r.indirizzo || null,
    },
    sex: (r.sesso ?? '').toUpperCase(),
    birthCountry: (r.paese_nascita ?? '').toUpperCase(),
    nationalities: list(r.cittadinanze).map((x) => x.toUpperCase()),
    languages: list(r.lingue).map((x) => x.toLowerCase()),
  };
  const parsed = personInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const columnOf: Record<string, string> = {
      surname: 'cognome',
      givenNames: 'nomi',
      birthDate: 'data_nascita',
      codiceFiscale: 'codice_fiscale',
      phone: 'telefono',
      email: 'email',
      address: 'indirizzo',
      sex: 'sesso',
      birthCountry: 'paese_nascita',
      nationalities: 'cittadinanze',
      languages: 'lingue',
    };
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).find((p) => columnOf[p]) ?? String(issue.path[0] ?? '');
      const column = columnOf[key] ?? key;
      if (!errors.some((e) => e.column === column)) errors.push({ column, message: issue.message });
    }
  }
  const openedOn = r.data_presa_in_carico ?? '';
  if (openedOn && !isIsoDate(openedOn))
    errors.push({ column: 'data_presa_in_carico', message: 'Data non valida (AAAA-MM-GG)' });
  const inSai = !['no', 'n', 'false', '0'].includes((r.in_sai ?? 'si').toLowerCase());
  if (errors.length || !parsed.success) return { errors };
  return { input: { ...parsed.data, openedOn, inSai }, errors };
}

/**
 * Validates (and, unless a dry run, imports) a file of beneficiaries: each valid row registers a
 * permit holder and opens their case, owned by the importing user.
 */
export async function importBeneficiaries(
  ctx: Ctx,
  body: { format: 'csv' | 'xlsx'; content: string; mode: ImportMode },
): Promise<ImportReport> {
  assertCan(ctx.actor, 'pilot.cases.write');
  const comune = comuneOf(ctx.actor);
  let rows: RawRow[];
  try {
    rows = await readRows(body.format, Buffer.from(body.content, 'base64'));
  } catch {
    throw new AppError('pilot.import_invalid', `Il file non è un ${body.format.toUpperCase()} leggibile.`);
  }
  if (!rows.length) throw new AppError('pilot.import_invalid', 'Il file non contiene righe da importare.');
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError('pilot.import_invalid', `Al massimo ${MAX_IMPORT_ROWS} righe per file.`);
  const missing = requiredColumns.filter((c) => !(c in rows[0]!));
  if (missing.length) throw new AppError('pilot.import_invalid', `Colonne mancanti: ${missing.join(', ')}.`);
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (!(await isPilotComune(tx, comune)))
      throw new AppError('pilot.not_in_comune', 'This Comune is not part of the 18-ter pilot.');
    const report: ImportRowReport[] = [];
    const candidates: ({
      input: PersonInput & { openedOn: string; inSai: boolean };
      importKey: string;
      cfIdx: string | null;
    } | null)[] = [];
    for (const [i, r] of rows.entries()) {
      const { input, errors } = toPersonInput(r);
      if (input) {
        for (const issue of personIssues(input, 'row', { thirdCountry: true, today })) {
          errors.push({
            column: issue.path.endsWith('codiceFiscale')
              ? 'codice_fiscale'
              : issue.path.endsWith('nationalities')
                ? 'cittadinanze'
                : 'data_nascita',
            message: issue.message,
          });
        }
        if (input.openedOn > today) errors.push({ column: 'data_presa_in_carico', message: 'La data è nel futuro' });
      }
      report.push({ row: i + 2, status: errors.length ? 'invalid' : 'valid', pseudonym: null, errors });
      candidates.push(
        input && !errors.length
          ? {
              input,
              importKey: importIndex(ctx.cipher, input.identity),
              cfIdx: input.identity.codiceFiscale ? cfIndex(ctx.cipher, input.identity.codiceFiscale) : null,
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
      rows: rows.length,
      valid: report.filter((r) => r.status === 'valid' || r.status === 'imported').length,
      invalid,
      alreadyImported: report.filter((r) => r.status === 'already_imported').length,
      imported,
      report,
    });
    if (body.mode === 'dry_run') return summary(0);
    if (body.mode === 'all' && invalid > 0) {
      throw new AppError(
        'pilot.import_invalid',
        `${invalid} righe non valide: nessuna riga importata. Correggere il file o importare solo le righe valide.`,
        {
          fieldIssues: report
            .filter((r) => r.status === 'invalid')
            .flatMap((r) =>
              r.errors.map((e) => ({ path: `row ${r.row}.${e.column}`, message: e.message, code: 'invalid' })),
            ),
        },
      );
    }
    let imported = 0;
    for (const [i, c] of inputs.entries()) {
      if (!c) continue;
      const { person } = await openCase(tx, ctx, {
        comune,
        holder: c.input,
        openedOn: c.input.openedOn,
        inSai: c.input.inSai,
        ownerId: ctx.actor!.userId,
        referralId: null,
        importKey: c.importKey,
      });
      report[i]!.status = 'imported';
      report[i]!.pseudonym = person.pseudonym;
      imported++;
    }
    await recordAudit(tx, ctx, {
      action: 'pilot.import',
      entityType: 'pilot_import',
      tenantComune: comune,
      details: { format: body.format, mode: body.mode, rows: rows.length, imported, invalid },
    });
    return summary(imported);
  });
}
