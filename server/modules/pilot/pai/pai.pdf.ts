/**
 * The PAI printed for signature: a tagged (accessible) PDF rendered by Chromium, in the user's
 * language (Italian by default, English when asked with `?lang=en`). This is
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
import { languageName, languageWithLevel } from '../shared/languages.js';
import { PRINT_CSS } from '../shared/print-css.js';

/** What the printed PAI shows besides the detail. */
export interface PaiPrint {
  pai: PaiDetail;
  comuneName: string;
  beneficiaryName: string;
  caseManagerName: string | null;
  printedOn: string;
}

/** The fixed words of the print, in each language of the catalogue. */
const words = {
  it: {
    title: 'Programma di Assistenza Individuale',
    version: 'versione',
    subtitle: (comune: string) =>
      `Comune di ${comune} – misure di assistenza per i titolari del permesso di soggiorno art. 18-ter D.Lgs. 286/1998 (art. 6 DL 145/2024)`,
    data: 'Dati del programma',
    beneficiary: 'Beneficiario/a',
    pseudonym: 'Codice pseudonimo',
    versionLabel: 'Versione',
    status: 'Stato',
    sharedOn: 'Condiviso il',
    noticeLanguage: "Lingua dell'informativa",
    approvedOn: 'Approvato il',
    approvedBy: 'da',
    reviewDue: 'Prossima revisione entro',
    needs: 'Bisogni rilevati',
    education: 'Istruzione',
    skills: 'Competenze',
    languages: 'Lingue conosciute',
    work: 'Esperienze di lavoro',
    years: (n: string) => `${n} anni`,
    notes: 'Note',
    objectives: 'Obiettivi',
    measures: 'Misure previste',
    caption: 'Misure del programma, con ente erogatore, date, ore e costo previsti',
    columns: ['Misura', 'Ente erogatore', 'Inizio', 'Fine', 'Ore previste', 'Costo previsto', 'Stato'],
    noMeasures: 'Nessuna misura',
    total: 'Totale (misure non annullate)',
    signatures: 'Firme',
    placeDate: 'Luogo e data',
    signBeneficiary: 'Il/la beneficiario/a',
    signManager: 'Il/la case manager',
    signReferente: 'Il/la referente comunale',
    sign: 'Firma',
    printedOn: 'Stampato il',
  },
  en: {
    title: 'Individual Assistance Programme',
    version: 'version',
    subtitle: (comune: string) =>
      `Comune of ${comune} – assistance measures for holders of the art. 18-ter Legislative Decree 286/1998 residence permit (art. 6 Decree-Law 145/2024)`,
    data: 'Programme details',
    beneficiary: 'Beneficiary',
    pseudonym: 'Pseudonym',
    versionLabel: 'Version',
    status: 'Status',
    sharedOn: 'Shared on',
    noticeLanguage: 'Language of the information notice',
    approvedOn: 'Approved on',
    approvedBy: 'by',
    reviewDue: 'Next review by',
    needs: 'Needs assessed',
    education: 'Education',
    skills: 'Skills',
    languages: 'Languages known',
    work: 'Work experience',
    years: (n: string) => `${n} years`,
    notes: 'Notes',
    objectives: 'Objectives',
    measures: 'Planned measures',
    caption: "The programme's measures, with provider, dates, planned hours and cost",
    columns: ['Measure', 'Provider', 'Start', 'End', 'Planned hours', 'Planned cost', 'Status'],
    noMeasures: 'No measures',
    total: 'Total (measures not cancelled)',
    signatures: 'Signatures',
    placeDate: 'Place and date',
    signBeneficiary: 'The beneficiary',
    signManager: 'The case manager',
    signReferente: 'The municipal referent',
    sign: 'Signature',
    printedOn: 'Printed on',
  },
} satisfies Record<LabelLanguage, unknown>;

/** A calendar date in `lang`: 06/12/2026 in Italian, 6 December 2026 in English. */
function dateIn(lang: LabelLanguage, d: string | null): string {
  if (!d) return '—';
  if (lang === 'it') return formatDateIt(d);
  const [y, m, day] = d.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, day)),
  );
}
const numberIn = (lang: LabelLanguage, h: number) =>
  h.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 });
const euroIn = (lang: LabelLanguage, amount: number) =>
  lang === 'it'
    ? formatEuro(amount)
    : amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The PAI as an HTML page in `lang` (Italian by default; `<html lang>` follows): the fixed words,
 * the dates and numbers, and the domain labels (statuses, measure types, education, sectors,
 * languages with their level) from the one catalogue. Every interpolated value is escaped.
 */
export function renderPaiHtml(p: PaiPrint, lang: LabelLanguage = 'it'): string {
  const { pai } = p;
  const e = escapeHtml;
  const w = words[lang];
  const day = (d: string | null) => dateIn(lang, d);
  const measures = pai.measures
    .map(
      (m) => `
      <tr>
        <td>${e(labelOf(lang, 'measureType', m.type))}</td>
        <td>${e(m.providerName)}</td>
        <td>${e(day(m.startOn))}</td>
        <td>${e(day(m.endOn))}</td>
        <td class="num">${e(numberIn(lang, m.hoursPlanned))}</td>
        <td class="num">€ ${e(euroIn(lang, m.costPlanned))}</td>
        <td>${e(labelOf(lang, 'measureStatus', m.status))}</td>
      </tr>`,
    )
    .join('');
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>` : '<p>—</p>';
  const n = pai.needs;
  const languages = n.languages.map((l) => languageWithLevel(l.code, l.level, lang)).join('; ') || '—';
  const work = n.workHistory.map(
    (h) =>
      `${labelOf(lang, 'sector', h.sector)}, ${w.years(numberIn(lang, h.years))}${h.description ? ` – ${h.description}` : ''}`,
  );
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${e(w.title)} – ${e(pai.pseudonym)} – ${e(w.version)} ${e(pai.version)}</title>
<style>${PRINT_CSS}  .num { text-align: right; white-space: nowrap; }
  .signatures { margin-top: 10mm; display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8mm; break-inside: avoid; }
  .signature p { margin: 0 0 14mm; min-height: 2.8em; }
  .line { border-top: 1px solid #111; padding-top: 1mm; font-size: 9pt; }
</style>
</head>
<body>
<main>
<header>
  <h1>${e(w.title)}</h1>
  <p>${e(w.subtitle(p.comuneName))}</p>
</header>
<section aria-labelledby="dati">
  <h2 id="dati">${e(w.data)}</h2>
  <dl>
    <dt>${e(w.beneficiary)}</dt><dd>${e(p.beneficiaryName)}</dd>
    <dt>${e(w.pseudonym)}</dt><dd>${e(pai.pseudonym)}</dd>
    <dt>${e(w.versionLabel)}</dt><dd>${e(pai.version)}</dd>
    <dt>${e(w.status)}</dt><dd>${e(labelOf(lang, 'paiStatus', pai.status))}</dd>
    <dt>${e(w.sharedOn)}</dt><dd>${e(day(pai.sharedOn))}</dd>
    <dt>${e(w.noticeLanguage)}</dt><dd>${e(pai.noticeLanguage ? languageName(pai.noticeLanguage, lang) : '—')}</dd>
    <dt>${e(w.approvedOn)}</dt><dd>${e(day(pai.approvedOn))}${pai.approvedBy ? ` ${e(w.approvedBy)} ${e(pai.approvedBy)}` : ''}</dd>
    <dt>${e(w.reviewDue)}</dt><dd>${e(day(pai.reviewDueOn))}</dd>
  </dl>
</section>
<section aria-labelledby="bisogni">
  <h2 id="bisogni">${e(w.needs)}</h2>
  <dl>
    <dt>${e(w.education)}</dt><dd>${e(labelOf(lang, 'education', n.education))}</dd>
    <dt>${e(w.skills)}</dt><dd>${e(n.skills.join('; ') || '—')}</dd>
    <dt>${e(w.languages)}</dt><dd>${e(languages)}</dd>
  </dl>
  <h3>${e(w.work)}</h3>
  ${list(work)}
  ${n.notes ? `<h3>${e(w.notes)}</h3><p>${e(n.notes)}</p>` : ''}
</section>
<section aria-labelledby="obiettivi">
  <h2 id="obiettivi">${e(w.objectives)}</h2>
  <ol>${pai.objectives.map((o) => `<li>${e(o)}</li>`).join('')}</ol>
</section>
<section aria-labelledby="misure">
  <h2 id="misure">${e(w.measures)}</h2>
  <table>
    <caption>${e(w.caption)}</caption>
    <thead><tr>
      ${w.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}
    </tr></thead>
    <tbody>${measures || `<tr><td colspan="7">${e(w.noMeasures)}</td></tr>`}</tbody>
    <tfoot><tr>
      <th scope="row" colspan="4">${e(w.total)}</th>
      <td class="num">${e(numberIn(lang, pai.totals.plannedHours))}</td><td class="num">€ ${e(euroIn(lang, pai.totals.plannedCost))}</td><td></td>
    </tr></tfoot>
  </table>
</section>
<section aria-labelledby="firme">
  <h2 id="firme">${e(w.signatures)}</h2>
  <p>${e(w.placeDate)}: ${e(p.comuneName)}, ______________________</p>
  <div class="signatures">
    <div class="signature"><p>${e(w.signBeneficiary)}<br>${e(p.beneficiaryName)}</p><div class="line">${e(w.sign)}</div></div>
    <div class="signature"><p>${e(w.signManager)}<br>${e(p.caseManagerName ?? '')}</p><div class="line">${e(w.sign)}</div></div>
    <div class="signature"><p>${e(w.signReferente)}<br>${e(pai.approvedBy ?? '')}</p><div class="line">${e(w.sign)}</div></div>
  </div>
  <p><small>${e(w.printedOn)} ${e(day(p.printedOn))}.</small></p>
</section>
</main>
</body>
</html>`;
}

/**
 * The PAI as a PDF ready for signature, in `lang`. The data (with the decrypted name) is read and the print
 * audited in one transaction; Chromium then renders outside it, so no transaction waits on it.
 */
export async function printPai(ctx: Ctx, paiId: string, lang: LabelLanguage = 'it'): Promise<Buffer> {
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
  return htmlToPdf(renderPaiHtml(data, lang));
}
