/**
 * XLSX workbooks of published tables (reports, exports), on exceljs (docs/decisions/0010-xlsx-exceljs.md).
 * The tables handed in are already what the reader may see (disclosure control is the caller's):
 * this module only lays them out, one worksheet per table. Every text that comes from the data
 * (row labels, text cells) goes through safeCellText (security.md T-13); the caller's own title,
 * subtitle, note and headings are written as they are.
 */
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';

/** One table laid out on one worksheet: a title block, two header rows, then one row per row. */
export interface SheetTable {
  /** title, subtitle, note, headings (`columns[].label`, `group`, `rowHeader`): the caller's own text */
  title: string;
  subtitle: string;
  note: string;
  columns: { key: string; label: string; group: string }[];
  rows: { label: string; cells: Record<string, number | string | null> }[];
  /** header of the first column (the row labels), e.g. "Comune"; empty when omitted */
  rowHeader?: string;
}

/** A number written as text ("-5", "+3,25", "-1.000,50"): a value, not a formula, left as it is. */
const NUMBER_TEXT = /^[+-]?\d[\d.,]*$/;

/**
 * CSV/XLSX injection guard for values that come from users (security.md T-13, OWASP "CSV
 * Injection"): a text that starts with = + - @, a tab or a carriage return is prefixed with a single
 * quote, so no spreadsheet reads it as a formula, unless it is a plain number written as text
 * ("-5"), which stays as it is. Any other text is returned unchanged. Our own headings and titles do
 * not go through it (a heading "% valutate entro 7 giorni" must read as written).
 */
export function safeCellText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !NUMBER_TEXT.test(s) ? `'${s}` : s;
}

/**
 * Makes a user's string storable in XLSX: drops characters XML 1.0 cannot carry (exceljs would
 * write an unreadable file), replaces unpaired surrogates, applies the injection guard, and escapes
 * literal `_xHHHH_` sequences, which Excel would otherwise decode (`_x003D_` is "=") after the
 * guard has looked at the text.
 */
function xlsxText(s: string): string {
  return safeCellText(xmlStorable(s)).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
}

/** Our own text (titles, notes, headings): storable in XLSX, without the guard's quote. */
function ownText(s: string): string {
  return xmlStorable(s).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
}

/** Drops the characters XML 1.0 cannot carry and replaces unpaired surrogates. */
function xmlStorable(s: string): string {
  return (
    s
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

/** Excel's rules for sheet names: 1–31 characters, none of [ ] : * ? / \, no leading/trailing quote. */
function validSheetName(name: string): string {
  const cleaned = xmlStorable(name)
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in a sheet name
    .replace(/[[\]:*?/\\\u0000-\u001F\u007F]/g, ' ')
    .trim()
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  if (cleaned === '') return 'Foglio1';
  return cleaned.toLowerCase() === 'history' ? `${cleaned}_` : cleaned;
}

/** A valid sheet name not yet in `taken` (compared as Excel does, ignoring case): "Nome", "Nome (2)", … */
function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = validSheetName(name);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

const INTEGER_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.00';
const FIRST_DATA_COLUMN = 2;
const GROUP_ROW = 4;
const LABEL_ROW = 5;
const FIRST_BODY_ROW = 6;

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));
const longestWord = (s: string): number => Math.max(0, ...s.split(/\s+/).map((w) => [...w].length));

const thinBottom: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' } };

/** One table on its own worksheet, named `name` (made valid and unique within the workbook). */
export interface XlsxSheet {
  name: string;
  table: SheetTable;
}

/**
 * A workbook with one worksheet per table, in the order given. On each: title (row 1, bold),
 * subtitle (row 2), note (row 3), a header row of column groups (merged over each run of columns of
 * the same group), a header row of column labels, then one row per table row with its label in the
 * first column. Numbers stay numbers ("#,##0", or "#,##0.00" for a column holding decimals), text
 * such as "<10" stays text, null is an empty cell. Panes are frozen under the headers and after the
 * first column.
 */
export async function writeXlsx(sheets: XlsxSheet[], opts: { creator: string; title?: string }): Promise<Buffer> {
  // a workbook without a worksheet is a file spreadsheets refuse to open
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const wb = new ExcelJS.Workbook();
  wb.creator = xmlStorable(opts.creator);
  wb.lastModifiedBy = wb.creator;
  wb.title = xmlStorable(opts.title ?? sheets[0]?.table.title ?? '');
  const taken = new Set<string>();
  for (const sheet of sheets) addTableSheet(wb, uniqueSheetName(sheet.name, taken), sheet.table);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook holding one table (see writeXlsx). */
export function tableToXlsx(table: SheetTable, opts: { sheetName: string; creator: string }): Promise<Buffer> {
  return writeXlsx([{ name: opts.sheetName, table }], { creator: opts.creator });
}

function addTableSheet(wb: ExcelJS.Workbook, name: string, table: SheetTable): void {
  const ws = wb.addWorksheet(name, {
    views: [
      {
        state: 'frozen',
        xSplit: 1,
        ySplit: LABEL_ROW,
        topLeftCell: `B${FIRST_BODY_ROW}`,
        activeCell: `B${FIRST_BODY_ROW}`,
      },
    ],
  });

  const title = ws.getCell(1, 1);
  title.value = ownText(table.title);
  title.font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = ownText(table.subtitle);
  const note = ws.getCell(3, 1);
  note.value = ownText(table.note);
  note.font = { italic: true };

  // header: groups (merged over each run of equal groups), then labels
  const corner = ws.getCell(LABEL_ROW, 1);
  corner.value = ownText(table.rowHeader ?? '');
  corner.font = { bold: true };
  corner.alignment = { vertical: 'bottom' };
  corner.border = thinBottom;
  for (let i = 0; i < table.columns.length; ) {
    const group = table.columns[i]!.group;
    let end = i;
    while (end + 1 < table.columns.length && table.columns[end + 1]!.group === group) end++;
    const first = FIRST_DATA_COLUMN + i;
    const last = FIRST_DATA_COLUMN + end;
    if (last > first) ws.mergeCells(GROUP_ROW, first, GROUP_ROW, last);
    const cell = ws.getCell(GROUP_ROW, first);
    cell.value = ownText(group);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = { ...thinBottom, left: { style: 'thin' }, right: { style: 'thin' } };
    i = end + 1;
  }

  // a column holding any decimal shows two decimals throughout, so its figures line up
  const formats = table.columns.map((column) =>
    table.rows.some((r) => {
      const v = r.cells[column.key];
      return typeof v === 'number' && !Number.isInteger(v);
    })
      ? DECIMAL_FORMAT
      : INTEGER_FORMAT,
  );
  let headerLines = 1;
  table.columns.forEach((column, i) => {
    const c = FIRST_DATA_COLUMN + i;
    const decimals = formats[i] === DECIMAL_FORMAT;
    const widest = Math.max(
      longestWord(column.label),
      ...table.rows.map((r) => {
        const v = r.cells[column.key];
        return typeof v === 'number'
          ? v.toLocaleString('it-IT', { minimumFractionDigits: decimals ? 2 : 0 }).length
          : String(v ?? '').length;
      }),
    );
    const width = clamp(widest + 3, 10, 24);
    ws.getColumn(c).width = width;
    headerLines = Math.max(headerLines, Math.ceil([...column.label].length / (width - 2)));

    const header = ws.getCell(LABEL_ROW, c);
    header.value = ownText(column.label);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'bottom', horizontal: 'center' };
    header.border = thinBottom;
  });
  ws.getRow(LABEL_ROW).height = 15 * clamp(headerLines, 1, 6);
  ws.getColumn(1).width = clamp(
    Math.max([...(table.rowHeader ?? '')].length, ...table.rows.map((r) => [...r.label].length)) + 2,
    14,
    40,
  );

  table.rows.forEach((row, r) => {
    const excelRow = ws.getRow(FIRST_BODY_ROW + r);
    excelRow.getCell(1).value = xlsxText(row.label);
    table.columns.forEach((column, i) => {
      const v = row.cells[column.key];
      const cell = excelRow.getCell(FIRST_DATA_COLUMN + i);
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new RangeError(`cell ${column.key} of "${row.label}" is not a finite number`);
        cell.value = v;
        cell.numFmt = formats[i]!;
      } else if (typeof v === 'string') {
        cell.value = xlsxText(v);
        cell.alignment = { horizontal: 'right' };
      }
      // null or missing: the cell stays empty
    });
  });
}

/** A worksheet of plain rows: a header row (bold, frozen) and text cells, as an import template is. */
export interface RowsSheet {
  name: string;
  header: string[];
  /** the cells of each row, as text; '' or null is an empty cell */
  rows: (string | null)[][];
}

/**
 * A workbook of plain sheets meant to be edited and read back (an XLSForm, an import template):
 * the header in row 1, each row below it, every cell a text cell. The texts are written exactly as
 * given, without safeCellText's quote: they are the file's own content, to be read back unchanged
 * by our importer (a quote would change it), and a text cell is never evaluated as a formula when
 * the file is opened. Only characters XML cannot carry are dropped.
 */
export async function writeRowsXlsx(sheets: RowsSheet[], opts: { creator: string; title?: string }): Promise<Buffer> {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const wb = new ExcelJS.Workbook();
  wb.creator = xmlStorable(opts.creator);
  wb.lastModifiedBy = wb.creator;
  wb.title = xmlStorable(opts.title ?? '');
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(uniqueSheetName(sheet.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.getRow(1);
    sheet.header.forEach((h, i) => {
      const cell = header.getCell(i + 1);
      cell.value = ownText(h);
      cell.font = { bold: true };
    });
    sheet.rows.forEach((row, r) => {
      const excelRow = ws.getRow(r + 2);
      row.forEach((v, i) => {
        if (v !== null && v !== '') excelRow.getCell(i + 1).value = ownText(v);
      });
    });
    sheet.header.forEach((h, i) => {
      const widest = Math.max([...h].length, ...sheet.rows.map((row) => [...(row[i] ?? '')].length));
      ws.getColumn(i + 1).width = clamp(widest + 2, 8, 60);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One worksheet of a streamed workbook: rows are written (and leave memory) as they are added. */
export interface XlsxStreamSheet {
  /** Adds a row of data cells: numbers stay numbers, texts go through the injection guard, null is empty. */
  addRow(cells: readonly (string | number | null)[]): void;
  /** Ends the sheet: its rows are flushed into the file and the next sheet may begin. */
  commit(): Promise<void>;
}

/**
 * A workbook streamed into `out` (a download), for exports too large to hold in memory: exceljs's
 * streaming writer with inline strings (no shared-string table growing with the file) and a
 * frozen header row (no styles: see useStyles). Write the sheets one after the other (commit one before adding the
 * next): a zip holds one entry at a time, so rows of a later sheet would wait in memory.
 */
export function streamXlsx(
  out: NodeJS.WritableStream,
  opts: { creator: string; title?: string },
): { addSheet(name: string, header: readonly string[]): XlsxStreamSheet; commit(): Promise<void> } {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as Stream,
    useSharedStrings: false,
    // no style table: exceljs then skips a style lookup per cell (about 40% of the time of a wide sheet)
    useStyles: false,
  });
  wb.creator = xmlStorable(opts.creator);
  wb.title = xmlStorable(opts.title ?? '');
  const taken = new Set<string>();
  return {
    addSheet(name, header) {
      const ws = wb.addWorksheet(uniqueSheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = header.map((h) => ({ width: clamp([...h].length + 2, 10, 40) }));
      ws.addRow(header.map(ownText)).commit();
      return {
        addRow(cells) {
          ws.addRow(
            cells.map((v) => {
              if (v === null) return null;
              if (typeof v === 'number') return Number.isFinite(v) ? v : null;
              return xlsxText(v);
            }),
          ).commit();
        },
        commit: () => Promise.resolve(ws.commit()),
      };
    },
    commit: () => wb.commit(),
  };
}
