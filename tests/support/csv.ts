/** Reading back the CSVs the application writes for Italian Excel (server/platform/csv.ts). */
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

/** A CSV with its BOM, ";" separators and CRLF line ends, as rows of cells (the BOM is checked). */
export function readItalianCsv(data: Buffer | string): string[][] {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = parse(text.slice(1), { delimiter: ';', record_delimiter: '\r\n', relax_column_count: true });
  return rows;
}
