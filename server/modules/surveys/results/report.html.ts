/**
 * A wave's report as our own HTML, printed by Chromium to a tagged A4 PDF (server/platform/pdf.ts):
 * lang it, h1 for the title, h2 per section, h3 per group of tables, every table with its caption,
 * column headers (scope col) and row headers (scope row). Every interpolated value is escaped.
 */
import { escapeHtml as e, htmlToPdf } from '../../../platform/pdf.js';
import { responseRateMap } from './report.map.js';
import { cellText, dateIt, reportSections, type ReportTable } from './report.rules.js';
import type { ReportOut } from './report.schema.js';

function tableHtml(t: ReportTable): string {
  const head = t.head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${e(h)}</th>`).join('');
  const row = (r: { label: string; cells: (number | string | null)[] }, tag = 'tr') =>
    `<${tag}><th scope="row">${e(r.label)}</th>${r.cells
      .map((c, i) => `<td class="num">${e(cellText(c, t.percent[i] ?? false))}</td>`)
      .join('')}</${tag}>`;
  const body = t.rows.length
    ? t.rows.map((r) => row(r)).join('')
    : `<tr><td colspan="${t.head.length}">Nessun dato da mostrare.</td></tr>`;
  const foot = t.total ? `<tfoot>${row(t.total)}</tfoot>` : '';
  const note = t.note ? `<p class="note">${e(t.note)}</p>` : '';
  return `<table><caption>${e(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>${note}`;
}

/** The report's HTML document (Italian). */
export function reportHtml(r: ReportOut): string {
  const title = `${r.survey} — ${r.wave}`;
  const map =
    `<figure>${responseRateMap(r.responseRate.byRegion)}` +
    `<figcaption>Figura 1. Tasso di risposta per Regione (i valori sono nella tavola R1).</figcaption></figure>`;
  const sections = reportSections(r)
    .map(
      (s, i) =>
        `<section><h2>${e(s.heading)}</h2>${s.groups
          .map((g) => `${g.heading ? `<h3>${e(g.heading)}</h3>` : ''}${g.tables.map(tableHtml).join('')}`)
          .join('')}${i === 0 ? map : ''}</section>`,
    )
    .join('');
  const o = r.responseRate.overall;
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>${e(`Rapporto: ${title}`)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Titillium Web", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; line-height: 1.4; }
  h1 { font-size: 17pt; margin: 0 0 2mm; color: #003366; }
  h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #555; break-after: avoid; }
  h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; }
  table { width: 100%; border-collapse: collapse; font-size: 9pt; margin-bottom: 4mm; break-inside: avoid; }
  caption { text-align: left; font-weight: bold; margin-bottom: 1mm; }
  th, td { border-bottom: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
  thead th { border-bottom: 1.5px solid #333; }
  tfoot th, tfoot td { border-top: 1.5px solid #333; font-weight: bold; }
  .num { text-align: right; }
  .note { font-size: 8.5pt; color: #333; margin: -3mm 0 4mm; }
  header .note { margin: 0 0 4mm; }
  .meta { margin: 0 0 1mm; }
  figure { margin: 2mm 0 5mm; break-inside: avoid; }
  figure svg { width: 150mm; height: auto; }
  figcaption { font-size: 9pt; font-weight: bold; }
</style>
</head>
<body>
<header>
<h1>${e(`Rapporto della rilevazione: ${title}`)}</h1>
<p class="meta">Periodo di rilevazione: dal ${e(dateIt(r.opensOn))} al ${e(dateIt(r.closesOn))}.</p>
<p class="meta">Comuni invitati: ${e(cellText(o.invited, false))}; rispondenti: ${e(cellText(o.answered, false))}; tasso di risposta: ${e(cellText(o.rate, true))}.</p>
<p class="note">${e(r.note.it)}${r.full ? '' : ' Versione con controllo della divulgazione statistica.'}</p>
</header>
<main>${sections}</main>
</body>
</html>`;
}

/** The report as a tagged A4 PDF. */
export function reportPdf(r: ReportOut): Promise<Buffer> {
  return htmlToPdf(reportHtml(r));
}
