/**
 * An uploaded CSV or XLSX to a table of strings, within the limits. This runs inside a parsing
 * worker (worker.ts), never on the request's event loop; every refusal is an `upload.*` AppError.
 */
import type ExcelJS from 'exceljs';
import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../errors.js';
import { uploadMessages, type UploadLimits } from './limits.js';
import { decodeText, type EncodingChoice, type TextEncoding } from './text.js';
import { inflateCounted, readZipDirectory } from './zip.js';

export type TableFormat = 'csv' | 'xlsx';

export interface ParseRequest {
  format: TableFormat;
  bytes: Uint8Array;
  /** how to decode a CSV (ignored for XLSX, whose XML says it) */
  encoding: EncodingChoice;
  /** the most data rows the caller takes (at most limits.rows) */
  maxRows: number;
}

export interface TableRow {
  /** where the row is in the file: the CSV line (the last one of a record spanning several), the sheet row */
  line: number;
  /** the cells as text, trimmed, one per header column; a date cell as AAAA-MM-GG */
  cells: string[];
}

export interface ParsedTable {
  /** the first row, trimmed */
  header: string[];
  /** the following rows with at least one non-empty cell */
  rows: TableRow[];
  /** the encoding a CSV was read in; null for XLSX */
  encoding: TextEncoding | null;
  /** the CSV's field separator; null for XLSX */
  delimiter: string | null;
}

const DELIMITERS = [';', '\t', ','] as const;

/**
 * The separator of the header line: the most frequent of ; (Excel's "CSV" in Italian), tab (Excel's
 * "Testo Unicode") and , — in that order on a tie, comma when there is none.
 */
export function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end === -1 ? text : text.slice(0, end);
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = first.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

function lineOfReplacement(cells: string[], line: number): void {
  if (cells.some((c) => c.includes('\uFFFD')))
    throw new AppError(
      'upload.encoding',
      `Il file contiene il carattere di sostituzione (U+FFFD) alla riga ${line}: un nome vi è già stato danneggiato ` +
        'da una conversione precedente. Correggerlo partendo dal file originale.',
    );
}

function parseCsv(req: ParseRequest, limits: UploadLimits): ParsedTable {
  const { text, encoding } = decodeText(req.bytes, req.encoding);
  const delimiter = delimiterOf(text);
  // parsed as UTF-8 bytes, so that the parser's byte offsets tell each record's line
  const bytes = Buffer.from(text, 'utf8');
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  let cells = 0;
  // line breaks (CRLF, LF or a lone CR) counted so far, up to `scanned`
  let breaks = 0;
  let scanned = 0;
  const lineBefore = (end: number): number => {
    for (; scanned < end; scanned++) {
      const b = bytes[scanned];
      if (b === 0x0a || (b === 0x0d && bytes[scanned + 1] !== 0x0a)) breaks++;
    }
    return breaks + 1;
  };
  try {
    parse(bytes, {
      delimiter,
      // any of the three line endings, even mixed in one file (the parser would otherwise keep the first it meets)
      record_delimiter: ['\r\n', '\n', '\r'],
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      // each record is looked at here and dropped: the parser keeps none in memory
      on_record: (record: string[], info) => {
        cells += record.length;
        if (cells > limits.cells) throw new AppError('upload.too_complex', uploadMessages.tooManyCells(limits));
        if (header === null) header = record;
        else if (record.some((c) => c !== '')) {
          if (rows.length >= req.maxRows)
            throw new AppError('upload.too_complex', uploadMessages.tooManyRows(req.maxRows));
          // the record's last line: its end, less the line break that ends it
          let end = info.bytes;
          if (bytes[end - 1] === 0x0a) end--;
          if (bytes[end - 1] === 0x0d) end--;
          rows.push({ line: lineBefore(end), cells: record });
        }
        return null;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof CsvError) {
      const why = err.code.includes('QUOTE') ? 'virgolette non chiuse o fuori posto' : 'struttura non valida';
      const lines = (err as unknown as { lines?: unknown }).lines;
      const line = typeof lines === 'number' ? lines : null;
      throw new AppError('upload.unreadable', uploadMessages.notCsv(line, why));
    }
    throw new AppError('upload.unreadable', uploadMessages.notCsv(null, 'struttura non valida'));
  }
  return { header: header ?? [], rows, encoding, delimiter };
}

/** exceljs reads only the worksheets at these paths (and so does the count of rows and cells). */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** a `<c …>`/`<c/>` or `<row …>` start tag, with or without a namespace prefix */
const CELL_OR_ROW = /<(?:[A-Za-z_][\w.-]*:)?(c|row)[\s/>]/g;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(cell.text ?? '').trim();
}

/**
 * The workbook in an XLSX, after the real sizes, rows and cells of its worksheets have been counted
 * within the limits (all worksheets together, whichever the caller then reads).
 */
async function loadXlsx(bytes: Uint8Array, limits: UploadLimits): Promise<ExcelJS.Workbook> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readZipDirectory(zip, limits);
  // the real sizes, rows and cells before exceljs builds its model of the workbook
  let cells = 0;
  let sheetRows = 0;
  inflateCounted(zip, entries, limits, (entry, content) => {
    if (!WORKSHEET.test(entry.name)) return;
    for (const m of content.toString('latin1').matchAll(CELL_OR_ROW)) {
      if (m[1] === 'c') {
        if (++cells > limits.cells) throw new AppError('upload.too_complex', uploadMessages.tooManyCells(limits));
      } else if (++sheetRows > limits.sheetRows) {
        throw new AppError('upload.too_complex', uploadMessages.tooManySheetRows(limits));
      }
    }
  });
  // loaded only now: a file refused by the checks above never pays for exceljs
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like "Buffer"; at run time it takes a Node Buffer
    await wb.xlsx.load(zip as unknown as ArrayBuffer);
  } catch {
    throw new AppError('upload.unreadable', uploadMessages.notXlsx());
  }
  return wb;
}

/** One worksheet as a table: its first row is the header, then the rows with a non-empty cell. */
function sheetTable(ws: ExcelJS.Worksheet, maxRows: number): { header: string[]; rows: TableRow[] } {
  const first = ws.getRow(1);
  const width = first.cellCount;
  const header = Array.from({ length: width }, (_, i) => cellText(first.getCell(i + 1)));
  lineOfReplacement(header, 1);
  const rows: TableRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)));
    if (!values.some((v) => v !== '')) return;
    lineOfReplacement(values, n);
    if (rows.length >= maxRows) throw new AppError('upload.too_complex', uploadMessages.tooManyRows(maxRows));
    rows.push({ line: n, cells: values });
  });
  return { header, rows };
}

async function parseXlsx(req: ParseRequest, limits: UploadLimits): Promise<ParsedTable> {
  const wb = await loadXlsx(req.bytes, limits);
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [], encoding: null, delimiter: null };
  return { ...sheetTable(ws, req.maxRows), encoding: null, delimiter: null };
}

export interface WorkbookParseRequest {
  bytes: Uint8Array;
  /** the worksheets wanted, by name, matched ignoring case and surrounding spaces */
  sheets: string[];
  /** the most data rows taken from each sheet (at most limits.rows) */
  maxRows: number;
}

/** One named worksheet as a table (see ParsedTable), under the name it has in the file. */
export interface ParsedSheet {
  name: string;
  header: string[];
  rows: TableRow[];
}

export interface ParsedWorkbook {
  /** every worksheet's name in the file, in order */
  sheetNames: string[];
  /** each sheet asked for, under the name the caller gave; null when the file has none by that name */
  sheets: Record<string, ParsedSheet | null>;
}

const sheetKey = (name: string) => name.trim().toLowerCase();

/**
 * Several named worksheets of one XLSX (an XLSForm's survey, choices and settings), within the same
 * limits as a single table: rows and cells are counted over all the worksheets of the file, and
 * only the sheets asked for are turned into rows.
 */
export async function parseWorkbook(req: WorkbookParseRequest, limits: UploadLimits): Promise<ParsedWorkbook> {
  if (req.bytes.byteLength > limits.fileBytes)
    throw new AppError('upload.too_large', uploadMessages.fileTooLarge(limits));
  const maxRows = Math.min(req.maxRows, limits.rows);
  const wb = await loadXlsx(req.bytes, limits);
  const byKey = new Map<string, ExcelJS.Worksheet>();
  for (const ws of wb.worksheets) if (!byKey.has(sheetKey(ws.name))) byKey.set(sheetKey(ws.name), ws);
  const sheets: Record<string, ParsedSheet | null> = {};
  for (const wanted of req.sheets) {
    const ws = byKey.get(sheetKey(wanted));
    sheets[wanted] = ws ? { name: ws.name, ...sheetTable(ws, maxRows) } : null;
  }
  return { sheetNames: wb.worksheets.map((ws) => ws.name), sheets };
}

/** The table in an uploaded file; throws an `upload.*` AppError for any file it will not read. */
export async function parseTable(req: ParseRequest, limits: UploadLimits): Promise<ParsedTable> {
  const maxRows = Math.min(req.maxRows, limits.rows);
  if (req.bytes.byteLength > limits.fileBytes)
    throw new AppError('upload.too_large', uploadMessages.fileTooLarge(limits));
  const table =
    req.format === 'csv' ? parseCsv({ ...req, maxRows }, limits) : await parseXlsx({ ...req, maxRows }, limits);
  return table;
}
