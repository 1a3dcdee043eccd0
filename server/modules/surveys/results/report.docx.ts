/**
 * A wave's report as a DOCX (docx@9; decision 0045), for the documents ANCI/Cittalia edit before
 * sending them to the Ministry: the title in the document's properties, Italian (it-IT) as the
 * document's language, headings as Word's own Heading 1–3 styles (so the navigation pane and a
 * table of contents find them), every table captioned, its header row repeated on each page.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { cellText, dateIt, reportSections, type ReportCell, type ReportTable } from './report.rules.js';
import type { ReportOut } from './report.schema.js';

const para = (text: string, opts: { bold?: boolean; right?: boolean } = {}) =>
  new Paragraph({
    ...(opts.right ? { alignment: AlignmentType.RIGHT } : {}),
    children: [new TextRun({ text, ...(opts.bold ? { bold: true } : {}) })],
  });

function tableOf(t: ReportTable): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.head.map((h, i) => new TableCell({ children: [para(h, { bold: true, right: i > 0 })] })),
  });
  const row = (r: { label: string; cells: ReportCell[] }, bold = false) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ children: [para(r.label, { bold })] }),
        ...r.cells.map(
          (c, i) => new TableCell({ children: [para(cellText(c, t.percent[i] ?? false), { bold, right: true })] }),
        ),
      ],
    });
  const rows = [header, ...t.rows.map((r) => row(r))];
  if (t.total) rows.push(row(t.total, true));
  const out: (Paragraph | Table)[] = [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(t.caption)] }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
  ];
  if (t.note) out.push(para(t.note));
  else out.push(para(''));
  return out;
}

/** The report as a DOCX file. */
export async function reportDocx(r: ReportOut): Promise<Buffer> {
  const title = `Rapporto della rilevazione: ${r.survey} — ${r.wave}`;
  const o = r.responseRate.overall;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
    para(`Periodo di rilevazione: dal ${dateIt(r.opensOn)} al ${dateIt(r.closesOn)}.`),
    para(
      `Comuni invitati: ${cellText(o.invited, false)}; rispondenti: ${cellText(o.answered, false)}; tasso di risposta: ${cellText(o.rate, true)}.`,
    ),
    para(r.note.it + (r.full ? '' : ' Versione con controllo della divulgazione statistica.')),
  ];
  for (const s of reportSections(r)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.heading)] }));
    for (const g of s.groups) {
      if (g.heading)
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(g.heading)] }));
      for (const t of g.tables) children.push(...tableOf(t));
    }
  }
  const doc = new Document({
    title,
    subject: 'Documento di ricognizione',
    creator: 'InCaS',
    description: `Rapporto della rilevazione ${r.wave}`,
    styles: { default: { document: { run: { language: { value: 'it-IT' }, font: 'Titillium Web', size: 20 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
