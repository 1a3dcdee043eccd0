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
  /** the encoding a CSV was read in; null for XLSX */
  encoding: TextEncoding | null;
  rows: number;
  valid: number;
  invalid: number;
  alreadyImported: number;
  imported: number;
  report: ImportRowReport[];
}

type RawRow = Record<string, string>;

/**
 * The file's rows keyed by their lower-cased header, each with its line in the file. Parsed by the
 * platform's upload reader (in a worker, within its limits), which also stops at MAX_IMPORT_ROWS.
 */
async function readRows(body: {
  format: 'csv' | 'xlsx';
  content: string;
  encoding?: EncodingChoice | undefined;
}): Promise<{ rows: { line: number; values: RawRow }[]; header: string[]; encoding: TextEncoding | null }> {
  const table = await readTable({
    format: body.format,
    bytes: Buffer.from(body.content, 'base64'),
    encoding: body.encoding ?? 'auto',
    maxRows: MAX_IMPORT_ROWS,
  });
  const header = table.header.map((h) => h.trim().toLowerCase());
  const rows = table.rows.map((r) => {
    const values: RawRow = {};
    header.forEach((h, i) => {
      if (h && !(h in values)) values[h] = r.cells[i] ?? '';
    });
    return { line: r.line, values };
  });
  return { rows, header, encoding: table.encoding };
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
  body: { format: 'csv' | 'xlsx'; content: string; mode: ImportMode; encoding?: EncodingChoice | undefined },
): Promise<ImportReport> {
  assertCan(ctx.actor, 'pilot.cases.write');
  const comune = comuneOf(ctx.actor);
  // a file the reader refuses (too large, too complex, unreadable, undecodable) is an upload.* problem
  const { rows: lines, header, encoding } = await readRows(body);
  if (!lines.length) throw new AppError('pilot.import_invalid', 'Il file non contiene righe da importare.');
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length) throw new AppError('pilot.import_invalid', `Colonne mancanti: ${missing.join(', ')}.`);
  const rows = lines.map((l) => l.values);
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
      report.push({ row: lines[i]!.line, status: errors.length ? 'invalid' : 'valid', pseudonym: null, errors });
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
      details: { format: body.format, encoding, mode: body.mode, rows: rows.length, imported, invalid },
    });
    return summary(imported);
  });
}
