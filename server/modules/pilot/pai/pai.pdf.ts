/**
 * The PAI printed for signature: an Italian, tagged (accessible) PDF rendered by Chromium. This is
 * the one document that carries the beneficiary's name next to the pseudonym, because the
 * beneficiary signs it; printing it is audited like a read of the case file.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { escapeHtml, htmlToPdf } from '../../../platform/pdf.js';
import { recordAudit } from '../../audit/index.js';
import { openIdentity } from '../shared/identity.js';
import { labelOf, type LabelLanguage } from '../shared/labels.js';
import { formatEuro } from './budget.rules.js';
import { selectComuneName, selectPerson, selectUserName } from './pai.repo.js';
import type { PaiDetail } from './pai.schema.js';
import { loadPai, readPaiDetail } from './pai.service.js';
import { formatDateIt } from '../shared/dates.js';

/** What the printed PAI shows besides the detail. */
export interface PaiPrint {
  pai: PaiDetail;
  comuneName: string;
  beneficiaryName: string;
  caseManagerName: string | null;
  printedOn: string;
}

const languageName = (code: string | null): string => {
  if (!code) return '—';
  try {
    return `${new Intl.DisplayNames(['it'], { type: 'language' }).of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
};
const dateIt = (d: string | null) => (d ? formatDateIt(d) : '—');
const hoursIt = (h: number) => h.toLocaleString('it-IT', { maximumFractionDigits: 1 });

/**
 * The PAI as an HTML page in Italian: every interpolated value is escaped. The domain labels
 * (statuses, measure types, education) come from the catalogue in `lang`, Italian by default.
 */
export function renderPaiHtml(p: PaiPrint, lang: LabelLanguage = 'it'): string {
  const { pai } = p;
  const e = escapeHtml;
  const measures = pai.measures
    .map(
      (m) => `
      <tr>
        <td>${e(labelOf(lang, 'measureType', m.type))}</td>
        <td>${e(m.providerName)}</td>
        <td>${e(dateIt(m.startOn))}</td>
        <td>${e(dateIt(m.endOn))}</td>
        <td class="num">${e(hoursIt(m.hoursPlanned))}</td>
        <td class="num">€ ${e(formatEuro(m.costPlanned))}</td>
        <td>${e(labelOf(lang, 'measureStatus', m.status))}</td>
      </tr>`,
    )
    .join('');
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>` : '<p>—</p>';
  const n = pai.needs;
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>Programma di Assistenza Individuale – ${e(pai.pseudonym)} – versione ${e(pai.version)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.4; }
  h1 { font-size: 17pt; margin: 0 0 2mm; }
  h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #555; }
  dl { display: grid; grid-template-columns: 52mm 1fr; gap: 1mm 4mm; margin: 0; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
  caption { text-align: left; font-weight: bold; margin-bottom: 1mm; }
  th, td { border: 1px solid #777; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
  th { background: #e8e8e8; }
  .num { text-align: right; white-space: nowrap; }
  .signatures { margin-top: 10mm; display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8mm; break-inside: avoid; }
  .signature p { margin: 0 0 14mm; min-height: 2.8em; }
  .line { border-top: 1px solid #111; padding-top: 1mm; font-size: 9pt; }
</style>
</head>
<body>
<main>
<header>
  <h1>Programma di Assistenza Individuale</h1>
  <p>Comune di ${e(p.comuneName)} – misure di assistenza per i titolari del permesso di soggiorno art. 18-ter D.Lgs. 286/1998 (art. 6 DL 145/2024)</p>
</header>
<section aria-labelledby="dati">
  <h2 id="dati">Dati del programma</h2>
  <dl>
    <dt>Beneficiario/a</dt><dd>${e(p.beneficiaryName)}</dd>
    <dt>Codice pseudonimo</dt><dd>${e(pai.pseudonym)}</dd>
    <dt>Versione</dt><dd>${e(pai.version)}</dd>
    <dt>Stato</dt><dd>${e(labelOf(lang, 'paiStatus', pai.status))}</dd>
    <dt>Condiviso il</dt><dd>${e(dateIt(pai.sharedOn))}</dd>
    <dt>Lingua dell'informativa</dt><dd>${e(languageName(pai.noticeLanguage))}</dd>
    <dt>Approvato il</dt><dd>${e(dateIt(pai.approvedOn))}${pai.approvedBy ? ` da ${e(pai.approvedBy)}` : ''}</dd>
    <dt>Prossima revisione entro</dt><dd>${e(dateIt(pai.reviewDueOn))}</dd>
  </dl>
</section>
<section aria-labelledby="bisogni">
  <h2 id="bisogni">Bisogni rilevati</h2>
  <dl>
    <dt>Istruzione</dt><dd>${e(labelOf(lang, 'education', n.education))}</dd>
    <dt>Competenze</dt><dd>${e(n.skills.join('; ') || '—')}</dd>
    <dt>Lingue conosciute</dt><dd>${e(n.languages.map((l) => `${languageName(l.code)}: ${l.level}`).join('; ') || '—')}</dd>
  </dl>
  <h3>Esperienze di lavoro</h3>
  ${list(n.workHistory.map((w) => `${w.sector.replaceAll('_', ' ')}, ${hoursIt(w.years)} anni${w.description ? ` – ${w.description}` : ''}`))}
  ${n.notes ? `<h3>Note</h3><p>${e(n.notes)}</p>` : ''}
</section>
<section aria-labelledby="obiettivi">
  <h2 id="obiettivi">Obiettivi</h2>
  <ol>${pai.objectives.map((o) => `<li>${e(o)}</li>`).join('')}</ol>
</section>
<section aria-labelledby="misure">
  <h2 id="misure">Misure previste</h2>
  <table>
    <caption>Misure del programma, con ente erogatore, date, ore e costo previsti</caption>
    <thead><tr>
      <th scope="col">Misura</th><th scope="col">Ente erogatore</th><th scope="col">Inizio</th><th scope="col">Fine</th>
      <th scope="col">Ore previste</th><th scope="col">Costo previsto</th><th scope="col">Stato</th>
    </tr></thead>
    <tbody>${measures || '<tr><td colspan="7">Nessuna misura</td></tr>'}</tbody>
    <tfoot><tr>
      <th scope="row" colspan="4">Totale (misure non annullate)</th>
      <td class="num">${e(hoursIt(pai.totals.plannedHours))}</td><td class="num">€ ${e(formatEuro(pai.totals.plannedCost))}</td><td></td>
    </tr></tfoot>
  </table>
</section>
<section aria-labelledby="firme">
  <h2 id="firme">Firme</h2>
  <p>Luogo e data: ${e(p.comuneName)}, ______________________</p>
  <div class="signatures">
    <div class="signature"><p>Il/la beneficiario/a<br>${e(p.beneficiaryName)}</p><div class="line">Firma</div></div>
    <div class="signature"><p>Il/la case manager<br>${e(p.caseManagerName ?? '')}</p><div class="line">Firma</div></div>
    <div class="signature"><p>Il/la referente comunale<br>${e(pai.approvedBy ?? '')}</p><div class="line">Firma</div></div>
  </div>
  <p><small>Stampato il ${e(formatDateIt(p.printedOn))}.</small></p>
</section>
</main>
</body>
</html>`;
}

/**
 * The PAI as a PDF ready for signature. The data (with the decrypted name) is read and the print
 * audited in one transaction; Chromium then renders outside it, so no transaction waits on it.
 */
export async function printPai(ctx: Ctx, paiId: string): Promise<Buffer> {
  const data = await ctx.db.tx(accessOf(ctx.actor), async (tx): Promise<PaiPrint> => {
    const { pai, kase } = await loadPai(tx, ctx, paiId, 'pilot.cases.read');
    const detail = await readPaiDetail(tx, ctx, pai.id, kase);
    const person = (await selectPerson(tx, pai.person_id))!;
    const identity = openIdentity(ctx.cipher, pai.person_id, person.identity_enc);
    await recordAudit(tx, ctx, {
      action: 'pilot.pai.print',
      entityType: 'pilot_pai',
      entityId: pai.id,
      tenantComune: kase.comune_istat,
      details: { version: pai.version },
    });
    return {
      pai: detail,
      comuneName: await selectComuneName(tx, kase.comune_istat),
      beneficiaryName: `${identity.givenNames} ${identity.surname}`,
      caseManagerName: await selectUserName(tx, kase.owner_user_id),
      printedOn: ctx.clock.now().toISOString().slice(0, 10),
    };
  });
  return htmlToPdf(renderPaiHtml(data));
}
