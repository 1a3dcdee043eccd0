/**
 * The printable case summary: the case's key facts, each member's permit, admission, PAI and
 * measures, and the outcomes, as a tagged A4 PDF (the PAI print's route through Chromium). It
 * carries the members' names, so printing it is audited as a read of the case file and shows in
 * "Chi ha consultato".
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { escapeHtml, htmlToPdf } from '../../../platform/pdf.js';
import { recordAudit } from '../../audit/index.js';
import { loadCase, todayOf, type CaseRow } from '../shared/access.js';
import { formatDateIt } from '../shared/dates.js';
import { openIdentity } from '../shared/identity.js';
import { labelOf } from '../shared/labels.js';
import { derivePermitStatus } from '../shared/permits.js';
import { selectPaisOfCase, type CasePaiRow } from '../shared/pais.repo.js';
import type { MeasureStatus, MeasureType, OutcomeKind, PaiStatus, PermitBasis, Relation } from '../shared/vocab.js';
import {
  selectComuneName,
  selectSummaryMeasures,
  selectSummaryMembers,
  selectSummaryOutcomes,
  selectSummaryPermits,
  selectUserName,
  type SummaryMeasureRow,
  type SummaryMemberRow,
  type SummaryOutcomeRow,
  type SummaryPermitRow,
} from './records.repo.js';
import { PRINT_CSS } from '../shared/print-css.js';

export interface CaseSummary {
  c: CaseRow;
  comuneName: string;
  caseManager: string | null;
  members: (SummaryMemberRow & { name: string; birthDate: string })[];
  permits: SummaryPermitRow[];
  pais: CasePaiRow[];
  measures: SummaryMeasureRow[];
  outcomes: SummaryOutcomeRow[];
  today: string;
}

const day = (d: string | null) => (d ? formatDateIt(d) : '—');
const euro = (n: number | null) =>
  n === null ? '—' : new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(n);

/** The summary as an Italian HTML page; every interpolated value is escaped. */
export function renderSummaryHtml(s: CaseSummary): string {
  const e = escapeHtml;
  const pseudonymOf = new Map(s.members.map((m) => [m.person_id, m.pseudonym]));
  const rows = (cells: string[][]) => cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  const table = (caption: string, head: string[], body: string[][]) =>
    body.length === 0
      ? `<p>${e(caption)}: nessuno.</p>`
      : `<table><caption>${e(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows(body)}</tbody></table>`;
  const members = s.members.map((m) => [
    e(m.pseudonym),
    e(m.name),
    e(day(m.birthDate)),
    e(m.role === 'titolare' ? 'titolare' : labelOf('it', 'relation', m.relation as Relation)),
    e(
      m.admission_status === null
        ? 'non ammesso/a'
        : `${m.admission_status === 'ammesso' ? 'ammesso/a' : m.admission_status} dal ${day(m.admission_on)}`,
    ),
  ]);
  const permits = s.permits.map((p) => [
    e(pseudonymOf.get(p.person_id) ?? ''),
    e(labelOf('it', 'permitBasis', p.basis as PermitBasis)),
    e(p.questura),
    e(
      labelOf(
        'it',
        'permitStatus',
        derivePermitStatus(
          {
            basis: p.basis as PermitBasis,
            receiptOn: p.receipt_on,
            issuedOn: p.issued_on,
            expiresOn: p.expires_on,
            renewalRequestedOn: p.renewal_requested_on,
            renewedOn: p.renewed_on,
            conversionRequestedOn: p.conversion_requested_on,
            convertedOn: p.converted_on,
            revokedOn: p.revoked_on,
          },
          s.today,
        ),
      ),
    ),
    e(day(p.issued_on)),
    e(day(p.expires_on)),
  ]);
  const pais = s.pais.map((p) => [
    e(pseudonymOf.get(p.person_id) ?? ''),
    e(p.version),
    e(labelOf('it', 'paiStatus', p.status as PaiStatus)),
  ]);
  const measures = s.measures.map((m) => [
    e(pseudonymOf.get(m.person_id) ?? ''),
    e(labelOf('it', 'measureType', m.type as MeasureType)),
    e(m.provider_name),
    e(`${day(m.start_on)} – ${day(m.end_on)}`),
    e(euro(m.cost_planned)),
    e(euro(m.cost_actual)),
    e(labelOf('it', 'measureStatus', m.status as MeasureStatus)),
  ]);
  const outcomes = s.outcomes.map((o) => [
    e(pseudonymOf.get(o.person_id) ?? ''),
    e(labelOf('it', 'outcomeKind', o.kind as OutcomeKind)),
    e(day(o.occurred_on)),
    e(o.employed === null ? '—' : o.employed ? 'occupato/a' : 'non occupato/a'),
  ]);
  const { c } = s;
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>Riepilogo del caso ${e(
    s.members.find((m) => m.role === 'titolare')?.pseudonym ?? '',
  )} – Comune di ${e(s.comuneName)}</title>
<style>${PRINT_CSS}  .note { font-size: 8.5pt; color: #333; }
</style>
</head>
<body>
<main>
<header>
  <h1>Riepilogo del caso</h1>
  <p>Comune di ${e(s.comuneName)} – pilota art. 18-ter D.Lgs. 286/1998. Stampato il ${e(day(s.today))}.</p>
  <p class="note">Documento riservato: contiene dati personali. Non lasciarlo incustodito.</p>
</header>
<section aria-labelledby="caso">
  <h2 id="caso">Il caso</h2>
  <dl>
    <dt>Stato</dt><dd>${e(labelOf('it', 'caseStatus', c.status))}</dd>
    <dt>Case manager</dt><dd>${e(s.caseManager ?? '—')}</dd>
    <dt>Presa in carico</dt><dd>${e(day(c.opened_on))}</dd>
    <dt>Ammissione alle misure</dt><dd>${e(day(c.admitted_on))}</dd>
    <dt>Chiusura</dt><dd>${e(day(c.closed_on))}${c.exit_reason ? ` – ${e(labelOf('it', 'exitReason', c.exit_reason))}` : ''}</dd>
    <dt>Nella rete SAI</dt><dd>${c.in_sai ? 'sì' : 'no'}</dd>
  </dl>
</section>
<section aria-labelledby="nucleo">
  <h2 id="nucleo">Persone del nucleo</h2>
  ${table('Componenti', ['Pseudonimo', 'Nome', 'Data di nascita', 'Ruolo', 'Ammissione'], members)}
</section>
<section aria-labelledby="permessi">
  <h2 id="permessi">Permessi di soggiorno</h2>
  ${table('Permessi', ['Persona', 'Tipo', 'Questura', 'Stato', 'Rilascio', 'Scadenza'], permits)}
</section>
<section aria-labelledby="pai">
  <h2 id="pai">Programmi di Assistenza Individuale</h2>
  ${table('PAI', ['Persona', 'Versione', 'Stato'], pais)}
  ${table('Misure', ['Persona', 'Misura', 'Ente', 'Periodo', 'Costo previsto', 'Costo effettivo', 'Stato'], measures)}
</section>
<section aria-labelledby="esiti">
  <h2 id="esiti">Esiti</h2>
  ${table('Esiti', ['Persona', 'Esito', 'Data', 'Lavoro'], outcomes)}
</section>
</main>
</body>
</html>`;
}

/** The case summary as a tagged PDF; audited as a read of the case file that exposes identity. */
export async function printCaseSummary(ctx: Ctx, caseId: string): Promise<Buffer> {
  const summary = await ctx.db.tx(accessOf(ctx.actor), async (tx): Promise<CaseSummary> => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    const members = (await selectSummaryMembers(tx, caseId)).map((m) => {
      const id = openIdentity(ctx.cipher, m.person_id, m.identity_enc);
      return { ...m, identity_enc: '', name: `${id.surname} ${id.givenNames}`, birthDate: id.birthDate };
    });
    const out: CaseSummary = {
      c,
      comuneName: await selectComuneName(tx, c.comune_istat),
      caseManager: await selectUserName(tx, c.owner_user_id),
      members,
      permits: await selectSummaryPermits(tx, caseId),
      pais: await selectPaisOfCase(tx, caseId),
      measures: await selectSummaryMeasures(tx, caseId),
      outcomes: await selectSummaryOutcomes(tx, caseId),
      today: todayOf(ctx),
    };
    await recordAudit(tx, ctx, {
      action: 'pilot.case.print',
      entityType: 'pilot_case',
      entityId: c.id,
      tenantComune: c.comune_istat,
      details: { members: members.length, identity: true },
    });
    return out;
  });
  return htmlToPdf(renderSummaryHtml(summary));
}
