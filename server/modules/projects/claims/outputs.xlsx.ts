/**
 * Allegato 1 and Allegato 2 as XLSX (exceljs; decision 0051): a title, a bold header row frozen
 * with the panes, amounts as numbers in euro with two decimals (the cents divided by 100 only
 * here, at the edge), a total row. Texts from the data go through the injection guard.
 */
import ExcelJS from 'exceljs';
import { safeCellText } from '../../../platform/xlsx.js';
import { outcomeWords } from './claims.rules.js';
import { dateIt } from './outputs.html.js';
import type { VerbaleModel } from './outputs.service.js';

const HEADER_ROW = 3;
const EURO = '#,##0.00 "€"';
const euro = (cents: number): number => cents / 100;

function sheet(
  title: string,
  subtitle: string,
  head: { label: string; width: number; money?: boolean }[],
  rows: (string | number)[][],
  total: (string | number | null)[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InCaS';
  wb.title = title;
  const ws = wb.addWorksheet(title.slice(0, 31).replace(/[[\]:*?/\\]/g, ' '), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = subtitle;
  const header = ws.getRow(HEADER_ROW);
  head.forEach((h, i) => {
    header.getCell(i + 1).value = h.label;
    ws.getColumn(i + 1).width = h.width;
  });
  header.font = { bold: true };
  header.border = { bottom: { style: 'thin' } };
  const write = (cells: (string | number | null)[], bold: boolean) => {
    const r = ws.addRow(cells.map((c) => (typeof c === 'string' ? safeCellText(c) : c)));
    cells.forEach((c, i) => {
      if (typeof c === 'number' && head[i]?.money) r.getCell(i + 1).numFmt = EURO;
    });
    if (bold) r.font = { bold: true };
  };
  for (const r of rows) write(r, false);
  write(total, true);
  return wb.xlsx.writeBuffer().then((b) => Buffer.from(b));
}

const subtitleOf = (m: VerbaleModel) =>
  `${m.project.title}${m.project.cup ? ` — CUP ${m.project.cup}` : ''} — Domanda n. ${m.claim.claimNo} v${m.claim.versionNo} — Verbale n. ${m.verbale.number} del ${dateIt(m.verbale.issuedAt)}`;

export function allegato1Xlsx(m: VerbaleModel): Promise<Buffer> {
  return sheet(
    'Allegato 1 - Spese verificate',
    subtitleOf(m),
    [
      { label: 'Documento', width: 24 },
      { label: 'Emittente', width: 28 },
      { label: 'Data', width: 12 },
      { label: 'Voce', width: 30 },
      { label: 'Importo imputato', width: 16, money: true },
      { label: 'Importo ammissibile', width: 16, money: true },
      { label: 'Esito', width: 24 },
      { label: 'Motivi', width: 40 },
      { label: 'Note', width: 40 },
    ],
    m.expenses.map((x) => [
      `${x.docType} n. ${x.docNumber}`,
      x.issuerName,
      dateIt(x.docDate),
      `${x.categoryCode} — ${x.lineDescription || x.categoryLabel}`,
      euro(x.chargedCents),
      euro(x.eligibleCents),
      outcomeWords[x.outcome],
      x.reasons.join('; '),
      x.note ?? '',
    ]),
    ['Totale', null, null, null, euro(m.results.requestedCents), euro(m.results.eligibleCents), null, null, null],
  );
}

export function allegato2Xlsx(m: VerbaleModel): Promise<Buffer> {
  const r = m.results;
  return sheet(
    'Allegato 2 - Risultanze',
    subtitleOf(m),
    [
      { label: 'Voce di costo', width: 36 },
      { label: 'Piano finanziario', width: 18, money: true },
      { label: 'Richiesto', width: 16, money: true },
      { label: 'Ammissibile', width: 16, money: true },
      { label: 'Non ammissibile', width: 16, money: true },
    ],
    r.categories.map((c) => [
      `${c.code} — ${c.label}`,
      euro(c.budgetCents),
      euro(c.requestedCents),
      euro(c.eligibleCents),
      euro(c.notEligibleCents),
    ]),
    ['Totale', euro(r.budgetCents), euro(r.requestedCents), euro(r.eligibleCents), euro(r.notEligibleCents)],
  );
}
