/**
 * Data-subject rights and accountability for one person: who viewed their case file, and the
 * GDPR access package (art. 15) with their own data only — family members' data is left out
 * (art. 15(4)) — and the log of accesses to their file.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { loadCaseOfPerson, todayOf } from '../shared/access.js';
import { selectPermitsOf } from './permits.repo.js';
import { toPackageSections, toPermit } from './cases.mapper.js';
import { selectPackagePerson, selectPackageSections, selectViews } from './privacy.repo.js';
import { openIdentity } from '../shared/identity.js';
import { escapeHtml, htmlToPdf } from '../../../platform/pdf.js';

/** "Who viewed this person": reads of their case file, for the referente comunale. */
export async function listViewers(ctx: Ctx, personId: string) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCaseOfPerson(tx, ctx, personId, 'pilot.cases.decide');
    const rows = await selectViews(tx, c.id, personId);
    return {
      items: rows.map((r) => ({
        at: r.occurred_at.toISOString(),
        userId: r.actor_user_id,
        displayName: r.display_name,
        action: r.action,
      })),
    };
  });
}

/** The GDPR access package of one person (JSON): everything held about them, and who read it. */
export async function getAccessPackage(ctx: Ctx, personId: string): Promise<Record<string, unknown>> {
  assertCan(ctx.actor, 'pilot.cases.export');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCaseOfPerson(tx, ctx, personId, 'pilot.cases.export');
    const p = await selectPackagePerson(tx, personId);
    if (!p) throw new AppError('pilot.person.not_found');
    const today = todayOf(ctx);
    const { admissions, pais, measures, contracts, outcomes, events } = toPackageSections(
      await selectPackageSections(tx, personId),
    );
    const views = await selectViews(tx, c.id, personId);
    await recordAudit(tx, ctx, {
      action: 'pilot.person.access_package',
      entityType: 'pilot_person',
      entityId: personId,
      tenantComune: c.comune_istat,
      details: { person: personId },
    });
    return {
      generatedAt: ctx.clock.now().toISOString(),
      controller: `Comune ${c.comune_istat}`,
      legalBasis: 'Art. 15 Regolamento (UE) 2016/679 (GDPR). I dati dei familiari non sono inclusi (art. 15, par. 4).',
      person: {
        pseudonym: p.pseudonym,
        identity: openIdentity(ctx.cipher, personId, p.identity_enc),
        sex: p.sex,
        birthYear: p.birth_year,
        birthCountry: p.birth_country,
        nationalities: p.nationalities,
        languages: p.languages,
        registeredAt: p.created_at.toISOString(),
        roleInHousehold: p.role,
        relationToHolder: p.relation,
        kinshipKind: p.kinship_kind,
        degree: p.degree,
      },
      case: { status: c.status, openedOn: c.opened_on, closedOn: c.closed_on, exitReason: c.exit_reason },
      permits: (await selectPermitsOf(tx, [personId])).map((r) => toPermit(ctx, r, today)),
      admissions,
      pais,
      measures,
      contracts,
      outcomes,
      events,
      accessLog: views.map((v) => ({ at: v.occurred_at.toISOString(), by: v.display_name, action: v.action })),
    };
  });
}

const sectionTitles: Record<string, string> = {
  person: 'Dati della persona',
  case: 'Presa in carico',
  permits: 'Permessi di soggiorno',
  admissions: 'Ammissioni alle misure',
  pais: 'Programmi di Assistenza Individuale',
  measures: 'Misure',
  contracts: 'Contratti di lavoro',
  outcomes: 'Esiti',
  events: 'Eventi',
  accessLog: 'Registro degli accessi alla scheda',
};

function valueHtml(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return escapeHtml(JSON.stringify(v));
  if (typeof v === 'boolean') return v ? 'sì' : 'no';
  return escapeHtml(v as string | number);
}

function tableHtml(title: string, value: unknown): string {
  const h = `<h2>${escapeHtml(title)}</h2>`;
  if (Array.isArray(value)) {
    if (!value.length) return `${h}<p>Nessun dato.</p>`;
    const keys = [...new Set(value.flatMap((r) => Object.keys(r as object)))];
    return `${h}<table><thead><tr>${keys.map((k) => `<th scope="col">${escapeHtml(k)}</th>`).join('')}</tr></thead><tbody>${value
      .map((r) => `<tr>${keys.map((k) => `<td>${valueHtml((r as Record<string, unknown>)[k])}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  }
  const flat = Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v as Record<string, unknown>).map(([k2, v2]) => [`${k}.${k2}`, v2] as const)
      : [[k, v] as const],
  );
  return `${h}<table><tbody>${flat.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${valueHtml(v)}</td></tr>`).join('')}</tbody></table>`;
}

/** The access package as a tagged PDF in Italian (the same content as the JSON, audited the same way). */
export async function getAccessPackagePdf(ctx: Ctx, personId: string): Promise<Buffer> {
  const pkg = await getAccessPackage(ctx, personId);
  const person = pkg.person as { pseudonym: string };
  const html = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Accesso ai dati personali — ${escapeHtml(person.pseudonym)}</title>
<style>body{font-family:sans-serif;font-size:10pt;margin:16mm}h1{font-size:16pt}h2{font-size:12pt;margin-top:14pt}
table{border-collapse:collapse;width:100%;font-size:8.5pt}th,td{border:1px solid #999;padding:3px;text-align:left;vertical-align:top}</style></head>
<body><h1>Accesso ai dati personali (art. 15 GDPR)</h1>
<p>${escapeHtml(pkg.legalBasis as string)}</p><p>Titolare: ${escapeHtml(pkg.controller as string)}. Generato il ${escapeHtml((pkg.generatedAt as string).slice(0, 10))}.</p>
${Object.entries(sectionTitles)
  .map(([k, title]) => tableHtml(title, pkg[k]))
  .join('\n')}
</body></html>`;
  return htmlToPdf(html);
}
