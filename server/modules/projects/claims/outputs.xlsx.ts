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

interface Table {
  name: string;
  title: string;
  subtitle: string;
  head: { label: string; width: number; money?: boolean }[];
  rows: (string | number)[][];
  total: (string | number | null)[] | null;
}

/** A workbook of one worksheet per table: title, subtitle, the bold header frozen, the rows, a bold total. */
async function workbook(title: string, tables: Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'InCaS';
  wb.title = title;
  for (const table of tables) {
    const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
    ws.getCell(1, 1).value = table.title;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.getCell(2, 1).value = safeCellText(table.subtitle);
    const header = ws.getRow(HEADER_ROW);
    table.head.forEach((h, i) => {
      header.getCell(i + 1).value = h.label;
      ws.getColumn(i + 1).width = h.width;
    });
    header.font = { bold: true };
    header.border = { bottom: { style: 'thin' } };
    const write = (cells: (string | number | null)[], bold: boolean) => {
      const r = ws.addRow(cells.map((c) => (typeof c === 'string' ? safeCellText(c) : c)));
      cells.forEach((c, i) => {
        if (typeof c === 'number' && table.head[i]?.money) r.getCell(i + 1).numFmt = EURO;
      });
      if (bold) r.font = { bold: true };
    };
    for (const r of table.rows) write(r, false);
    if (table.total) write(table.total, true);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const subtitleOf = (m: VerbaleModel) =>
  `${m.project.title}${m.project.cup ? ` — CUP ${m.project.cup}` : ''} — Domanda n. ${m.claim.claimNo} v${m.claim.versionNo} — Verbale n. ${m.verbale.number} del ${dateIt(m.verbale.issuedAt)}`;

export function allegato1Xlsx(m: VerbaleModel): Promise<Buffer> {
  const title = 'Allegato 1 - Dettaglio delle spese verificate';
  return workbook(title, [
    {
      name: 'Spese verificate',
      title,
      subtitle: subtitleOf(m),
      head: [
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
      rows: m.expenses.map((x) => [
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
      total: [
        'Totale',
        null,
        null,
        null,
        euro(m.results.requestedCents),
        euro(m.results.eligibleCents),
        null,
        null,
        null,
      ],
    },
  ]);
}

/** Allegato 2: the results per category (first sheet) and the caps over the eligible amounts (second). */
export function allegato2Xlsx(m: VerbaleModel): Promise<Buffer> {
  const r = m.results;
  const title = 'Allegato 2 - Risultanze della verifica';
  return workbook(title, [
    {
      name: 'Risultanze',
      title,
      subtitle: subtitleOf(m),
      head: [
        { label: 'Voce di costo', width: 36 },
        { label: 'Piano finanziario', width: 18, money: true },
        { label: 'Richiesto', width: 16, money: true },
        { label: 'Ammissibile', width: 16, money: true },
        { label: 'Non ammissibile', width: 16, money: true },
      ],
      rows: r.categories.map((c) => [
        `${c.code} — ${c.label}`,
        euro(c.budgetCents),
        euro(c.requestedCents),
        euro(c.eligibleCents),
        euro(c.notEligibleCents),
      ]),
      total: ['Totale', euro(r.budgetCents), euro(r.requestedCents), euro(r.eligibleCents), euro(r.notEligibleCents)],
    },
    {
      name: 'Massimali',
      title: 'Massimali ricalcolati sugli importi ammissibili',
      subtitle: subtitleOf(m),
      head: [
        { label: 'Massimale', width: 36 },
        { label: 'Importo ammissibile', width: 18, money: true },
        { label: 'Base di calcolo', width: 18, money: true },
        { label: 'Importo massimo', width: 18, money: true },
        { label: 'Quota (%)', width: 12 },
        { label: 'Limite (%)', width: 12 },
        { label: 'Esito', width: 14 },
      ],
      rows: r.caps.map((c) => [
        c.labelIt,
        euro(c.amountCents),
        euro(c.basisCents),
        euro(c.limitCents),
        c.actualBp / 100,
        c.bp / 100,
        c.ok ? 'Rispettato' : 'Superato',
      ]),
      total: null,
    },
  ]);
}
