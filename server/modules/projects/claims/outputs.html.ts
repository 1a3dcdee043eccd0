/**
 * The verbale and its allegati as our own HTML, printed by Chromium to tagged A4 PDFs
 * (server/platform/pdf.ts): lang it, h1 for the title, h2 per section, every table with its
 * caption and column headers (scope col). Every interpolated value is escaped.
 */
import { escapeHtml as e, htmlToPdf } from '../../../platform/pdf.js';
import { formatBp, formatEuro } from '../shared/money.js';
import { outcomeWords } from './claims.rules.js';
import type { VerbaleModel } from './outputs.service.js';

/** gg/mm/aaaa from an ISO date or timestamp (in Italy's time zone for a timestamp). */
export function dateIt(iso: string): string {
  const d = iso.length > 10 ? new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' }) : iso;
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

const CSS = `
  @page { size: A4; margin: 18mm 14mm; }
  body { font-family: "Titillium Web", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; line-height: 1.4; }
  h1 { font-size: 16pt; margin: 0 0 2mm; color: #003366; }
  h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #555; break-after: avoid; }
  table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin-bottom: 4mm; }
  caption { text-align: left; font-weight: bold; margin-bottom: 1mm; }
  th, td { border-bottom: 1px solid #bbb; padding: 1mm 1.2mm; text-align: left; vertical-align: top; }
  thead th { border-bottom: 1.5px solid #333; }
  tfoot th, tfoot td { border-top: 1.5px solid #333; font-weight: bold; }
  .num { text-align: right; white-space: nowrap; }
  dl { display: grid; grid-template-columns: 48mm 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  .sign { margin-top: 14mm; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><title>${e(title)}</title><style>${CSS}</style></head>
<body>${body}</body>
</html>`;
}

function header(m: VerbaleModel, title: string): string {
  const cup = m.project.cup ? ` — CUP ${m.project.cup}` : '';
  return `<header><h1>${e(title)}</h1>
<p>${e(`${m.project.title}${cup}`)}${m.project.comune ? e(` — Comune di ${m.project.comune}`) : ''}</p>
<p>${e(`Domanda di rimborso n. ${m.claim.claimNo} (versione ${m.claim.versionNo}), spese dal ${dateIt(m.claim.periodStart)} al ${dateIt(m.claim.periodEnd)}. Verbale n. ${m.verbale.number} del ${dateIt(m.verbale.issuedAt)}.`)}</p></header>`;
}

function resultsTable(m: VerbaleModel): string {
  const r = m.results;
  const rows = r.categories
    .map(
      (c) =>
        `<tr><th scope="row">${e(`${c.code} — ${c.label}`)}</th><td class="num">${e(formatEuro(c.budgetCents))}</td>` +
        `<td class="num">${e(formatEuro(c.requestedCents))}</td><td class="num">${e(formatEuro(c.eligibleCents))}</td>` +
        `<td class="num">${e(formatEuro(c.notEligibleCents))}</td></tr>`,
    )
    .join('');
  return `<table><caption>Risultanze per voce di costo: importi richiesti, ammissibili e non ammissibili rispetto al piano finanziario</caption>
<thead><tr><th scope="col">Voce di costo</th><th scope="col" class="num">Piano finanziario</th><th scope="col" class="num">Richiesto</th><th scope="col" class="num">Ammissibile</th><th scope="col" class="num">Non ammissibile</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">Totale</th><td class="num">${e(formatEuro(r.budgetCents))}</td><td class="num">${e(formatEuro(r.requestedCents))}</td><td class="num">${e(formatEuro(r.eligibleCents))}</td><td class="num">${e(formatEuro(r.notEligibleCents))}</td></tr></tfoot>
</table>`;
}

function capsTable(m: VerbaleModel): string {
  if (m.results.caps.length === 0) return '<p>L’avviso non prevede massimali.</p>';
  const rows = m.results.caps
    .map(
      (c) =>
        `<tr><th scope="row">${e(c.labelIt)}</th><td class="num">${e(formatEuro(c.amountCents))}</td><td class="num">${e(formatBp(c.actualBp))}</td>` +
        `<td class="num">${e(formatBp(c.bp))}</td><td class="num">${e(formatEuro(c.limitCents))}</td><td>${c.ok ? 'Rispettato' : 'Superato'}</td></tr>`,
    )
    .join('');
  return `<table><caption>Massimali ricalcolati sugli importi ammissibili</caption>
<thead><tr><th scope="col">Massimale</th><th scope="col" class="num">Importo ammissibile</th><th scope="col" class="num">Quota</th><th scope="col" class="num">Limite</th><th scope="col" class="num">Importo massimo</th><th scope="col">Esito</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The verbale di verifica amministrativo-contabile. */
export function verbaleHtml(m: VerbaleModel): string {
  const count = (o: string) => m.expenses.filter((x) => x.outcome === o).length;
  const body = `${header(m, `Verbale di verifica amministrativo-contabile n. ${m.verbale.number}`)}
<main>
<section><h2>Dati della verifica</h2>
<dl>
<dt>Revisore indipendente</dt><dd>${e(m.verbale.revisore ?? '')}${m.verbale.organisation ? e(` (${m.verbale.organisation})`) : ''}</dd>
<dt>Data del verbale</dt><dd>${e(dateIt(m.verbale.issuedAt))}</dd>
<dt>Domanda di rimborso</dt><dd>${e(`n. ${m.claim.claimNo}, versione ${m.claim.versionNo}${m.claim.submittedAt ? `, inviata il ${dateIt(m.claim.submittedAt)}` : ''}`)}</dd>
<dt>Periodo delle spese</dt><dd>${e(`dal ${dateIt(m.claim.periodStart)} al ${dateIt(m.claim.periodEnd)}`)}</dd>
</dl></section>
<section><h2>Esito della verifica</h2>
<p>${e(`Sono state verificate ${m.expenses.length} spese: ${count('AMMISSIBILE')} ammissibili, ${count('PARZIALMENTE_AMMISSIBILE')} parzialmente ammissibili, ${count('NON_AMMISSIBILE')} non ammissibili.`)}</p>
<dl>
<dt>Importo richiesto</dt><dd>${e(formatEuro(m.results.requestedCents))}</dd>
<dt>Importo ammissibile</dt><dd>${e(formatEuro(m.results.eligibleCents))}</dd>
<dt>Importo non ammissibile</dt><dd>${e(formatEuro(m.results.notEligibleCents))}</dd>
</dl>
${m.verbale.text ? `<p>${e(m.verbale.text)}</p>` : ''}
<p>Il dettaglio delle spese verificate è nell’Allegato 1; le risultanze per voce di costo e i massimali nell’Allegato 2.</p>
</section>
<section><h2>Risultanze per voce di costo</h2>${resultsTable(m)}</section>
<p class="sign">${e(`Il revisore indipendente: ${m.verbale.revisore ?? ''}`)}</p>
</main>`;
  return page(`Verbale di verifica n. ${m.verbale.number}`, body);
}

/** Allegato 1: the detail of the expenses verified. */
export function allegato1Html(m: VerbaleModel): string {
  const rows = m.expenses
    .map(
      (x) =>
        `<tr><td>${e(`${x.docType} n. ${x.docNumber}`)}</td><td>${e(x.issuerName)}${x.issuerTaxId ? `<br>${e(x.issuerTaxId)}` : ''}</td>` +
        `<td>${e(dateIt(x.docDate))}</td><td>${e(`${x.categoryCode} — ${x.lineDescription || x.categoryLabel}`)}</td>` +
        `<td class="num">${e(formatEuro(x.chargedCents))}</td><td class="num">${e(formatEuro(x.eligibleCents))}</td>` +
        `<td>${e(outcomeWords[x.outcome])}</td><td>${e(x.reasons.join('; '))}</td><td>${e(x.note ?? '')}</td></tr>`,
    )
    .join('');
  const body = `${header(m, 'Allegato 1 — Dettaglio delle spese verificate')}
<main><table><caption>Spese della domanda con l’esito della verifica, l’importo ammissibile e i motivi</caption>
<thead><tr><th scope="col">Documento</th><th scope="col">Emittente</th><th scope="col">Data</th><th scope="col">Voce</th><th scope="col" class="num">Imputato</th><th scope="col" class="num">Ammissibile</th><th scope="col">Esito</th><th scope="col">Motivi</th><th scope="col">Note</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row" colspan="4">Totale</th><td class="num">${e(formatEuro(m.results.requestedCents))}</td><td class="num">${e(formatEuro(m.results.eligibleCents))}</td><td colspan="3"></td></tr></tfoot>
</table></main>`;
  return page('Allegato 1 — Dettaglio delle spese verificate', body);
}

/** Allegato 2: the results per category and the caps over the verified amounts. */
export function allegato2Html(m: VerbaleModel): string {
  const body = `${header(m, 'Allegato 2 — Risultanze della verifica')}
<main><section><h2>Risultanze per voce di costo</h2>${resultsTable(m)}</section>
<section><h2>Massimali</h2>${capsTable(m)}</section></main>`;
  return page('Allegato 2 — Risultanze della verifica', body);
}

export const verbalePdf = (m: VerbaleModel): Promise<Buffer> => htmlToPdf(verbaleHtml(m));
export const allegato1Pdf = (m: VerbaleModel): Promise<Buffer> => htmlToPdf(allegato1Html(m));
export const allegato2Pdf = (m: VerbaleModel): Promise<Buffer> => htmlToPdf(allegato2Html(m));
