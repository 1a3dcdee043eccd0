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
import { htmlToPdf } from '../../../platform/pdf.js';
import { roles, type Role } from '../../../platform/policy.js';
import { selectComuneName } from '../shared/comuni.repo.js';
import type { IdentityReadAction } from '../shared/identity-reads.js';
import type { LabelLanguage } from '../shared/labels.js';
import { renderAccessPackageHtml, toAccessPackageDocument, type AccessPackageData } from './access-package.js';
import type { AccessPackageDocument } from './cases.schema.js';

const packageFormats = ['json', 'page', 'pdf'] as const;
type AccessPackageFormat = (typeof packageFormats)[number];

/** "Who viewed this person": every read that exposed their identity, for the referente comunale. */
export async function listViewers(ctx: Ctx, personId: string) {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCaseOfPerson(tx, ctx, personId, 'pilot.cases.decide');
    const rows = await selectViews(tx, c.id, personId);
    return {
      items: rows.map((r) => ({
        at: r.occurred_at.toISOString(),
        userId: r.actor_user_id,
        displayName: r.display_name,
        roles: (r.roles ?? []).filter((x): x is Role => (roles as readonly string[]).includes(x)),
        organisation: r.organisation,
        action: r.action as IdentityReadAction,
        paiVersion: r.version !== null && /^\d+$/.test(r.version) ? Number(r.version) : null,
        format: packageFormats.find((f) => f === r.format) ?? null,
      })),
    };
  });
}

/** Reads the access package's data and records the read (with the format it is produced in). */
async function readAccessPackage(ctx: Ctx, personId: string, format: AccessPackageFormat): Promise<AccessPackageData> {
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
      details: { person: personId, format },
    });
    const comuneName = (await selectComuneName(tx, c.comune_istat)) ?? c.comune_istat;
    return {
      generatedAt: ctx.clock.now().toISOString(),
      controller: `Comune di ${comuneName}`,
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
      accessLog: views.map((v) => ({
        at: v.occurred_at.toISOString(),
        by: v.display_name,
        action: v.action as IdentityReadAction,
        version: v.version,
      })),
    };
  });
}

/** The GDPR access package of one person (JSON, for machines): everything held about them, and who read it. */
export async function getAccessPackage(ctx: Ctx, personId: string): Promise<Record<string, unknown>> {
  const d = await readAccessPackage(ctx, personId, 'json');
  return {
    ...d,
    legalBasis: 'Art. 15 Regolamento (UE) 2016/679 (GDPR). I dati dei familiari non sono inclusi (art. 15, par. 4).',
  };
}

/** The access package in words, for the page of the web app (audited as a read in format "page"). */
export async function getAccessPackageDocument(
  ctx: Ctx,
  personId: string,
  lang: LabelLanguage = 'it',
): Promise<AccessPackageDocument> {
  return toAccessPackageDocument(await readAccessPackage(ctx, personId, 'page'), lang);
}

/** The access package as a tagged PDF, in words (audited as a read in format "pdf"). */
export async function getAccessPackagePdf(ctx: Ctx, personId: string, lang: LabelLanguage = 'it'): Promise<Buffer> {
  const doc = toAccessPackageDocument(await readAccessPackage(ctx, personId, 'pdf'), lang);
  return htmlToPdf(renderAccessPackageHtml(doc));
}
