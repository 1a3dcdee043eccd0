/**
 * A wave's report as an XLSX (exceljs; decision 0045): one worksheet per table of the report
 * (the response rate by Region and by band, the tables of the questions, the settlements), each
 * with the caption, a bold header row, frozen panes under it and after the row labels, numbers as
 * numbers (rates and shares as percentages), "<10" as text. Row labels from the data go through
 * the injection guard (security.md T-13).
 */
import ExcelJS from 'exceljs';
import { safeCellText } from '../../../platform/xlsx.js';
import { dateIt, reportSections } from './report.rules.js';
import type { ReportOut } from './report.schema.js';

const HEADER_ROW = 3;

/** The report as an XLSX file. */
export async function reportXlsx(r: ReportOut): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InCaS';
  wb.title = `Rapporto della rilevazione: ${r.survey} — ${r.wave}`;
  wb.subject = `Periodo di rilevazione: dal ${dateIt(r.opensOn)} al ${dateIt(r.closesOn)}`;
  const taken = new Set<string>();
  for (const section of reportSections(r))
    for (const group of section.groups)
      for (const t of group.tables) {
        let name = t.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${t.sheet.slice(0, 26)} (${n})`;
        taken.add(name.toLowerCase());
        const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }] });
        ws.getCell(1, 1).value = t.caption;
        ws.getCell(1, 1).font = { bold: true, size: 12 };
        ws.getCell(2, 1).value = [group.heading, t.note].filter(Boolean).join(' — ');
        const header = ws.getRow(HEADER_ROW);
        t.head.forEach((h, i) => {
          header.getCell(i + 1).value = h;
        });
        header.font = { bold: true };
        header.border = { bottom: { style: 'thin' } };
        const write = (row: { label: string; cells: (number | string | null)[] }, bold: boolean) => {
          const x = ws.addRow([safeCellText(row.label), ...row.cells.map((c) => (typeof c === 'string' ? c : c))]);
          row.cells.forEach((c, i) => {
            if (typeof c === 'number') x.getCell(i + 2).numFmt = t.percent[i] ? '0.0%' : '#,##0.##';
            else if (typeof c === 'string') x.getCell(i + 2).alignment = { horizontal: 'right' };
          });
          if (bold) x.font = { bold: true };
        };
        for (const row of t.rows) write(row, false);
        if (t.total) write(t.total, true);
        ws.getColumn(1).width = Math.min(60, Math.max(14, ...t.rows.map((x) => x.label.length + 2)));
        for (let i = 2; i <= t.head.length; i++) ws.getColumn(i).width = Math.max(14, (t.head[i - 1]?.length ?? 0) + 2);
      }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
