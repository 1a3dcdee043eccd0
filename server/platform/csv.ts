/**
 * CSV as Excel for Windows in Italy reads it (the pilot's import template does the same): UTF-8
 * with a byte-order mark, cells separated by ";", CRLF line ends, a cell quoted when it holds ; " or
 * a line break. Texts go through the injection guard (safeCellText, security.md T-13); numbers are
 * written with a decimal comma and no thousands separator ("1234,5"), as Excel in Italian reads them.
 */
import { safeCellText } from './xlsx.js';

export const CSV_BOM = '\uFEFF';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** One cell of data: a number with a decimal comma, a text guarded and quoted when needed, null empty. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return String(v).replace('.', ',');
  }
  const s = safeCellText(v);
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One line of data cells, with its CRLF. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(';') + '\r\n';
}

/** Our own header line (column names): quoted when needed, without the guard's quote. */
export function csvHeader(names: readonly string[]): string {
  return names.map((s) => (/[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)).join(';') + '\r\n';
}
