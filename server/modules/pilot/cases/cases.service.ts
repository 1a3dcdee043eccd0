/**
 * Cases (presa in carico): registering a beneficiary with their household, the case list, and
 * the case file. Reading a case file is audited, and the identity panel is decrypted only here.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import type { Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { comuneOf, loadCase, assertCaseOpen, recordCaseEvent, seesAllCases, todayOf } from '../shared/access.js';
import { refreshCaseTasks } from '../shared/tasks.js';
import type { AddMemberBody, CaseDetail, CaseQuery, CaseSummary, CreateCaseBody, PersonInput } from './cases.schema.js';
import {
  bumpCaseVersion,
  existsPersonWithCf,
  insertFamilyMember,
  selectCasePage,
  selectReferralLink,
} from './cases.repo.js';
import { toCaseSummary } from './cases.mapper.js';
import { openCase, readCaseAfterChange, readCaseFile, registerPerson } from './case-file.js';
import { invalid, personIssues } from './checks.js';
import { resolveCaseManager } from './case-managers.service.js';
import { cfIndex, nameIndex, openIdentity } from '../shared/identity.js';
import { nameMatches, queryGrams } from '../shared/name-search.js';
import { selectNameCandidates } from '../shared/name-grams.repo.js';
import { checkCodiceFiscale } from '../shared/codice-fiscale.js';
import { isPilotComune } from '../shared/comuni.repo.js';
import { kinshipOf } from '../shared/kinship.js';

async function assertNoDuplicateCf(
  tx: Queryable,
  ctx: Ctx,
  comune: string,
  p: PersonInput,
  path: string,
): Promise<void> {
  if (!p.identity.codiceFiscale) return;
  if (await existsPersonWithCf(tx, comune, cfIndex(ctx.cipher, p.identity.codiceFiscale))) {
    throw new AppError('pilot.duplicate_person', 'Una persona con questo codice fiscale è già registrata nel Comune.', {
      fieldIssues: [
        { path: `${path}.identity.codiceFiscale`, message: 'Codice fiscale già registrato', code: 'duplicate' },
      ],
    });
  }
}

/**
 * Registers a beneficiary (the art. 18-ter permit holder) and opens their case. The case manager
 * is the operatore themselves, or whom the referente names.
 */
export async function createCase(ctx: Ctx, body: CreateCaseBody): Promise<CaseDetail> {
  assertCan(ctx.actor, 'pilot.cases.write');
  const comune = comuneOf(ctx.actor);
  const actor = ctx.actor;
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (!(await isPilotComune(tx, comune)))
      throw new AppError('pilot.not_in_comune', 'This Comune is not part of the 18-ter pilot.');
    const issues = personIssues(body.holder, 'body.holder', { thirdCountry: true, today });
    if (body.openedOn > today)
      issues.push({ path: 'body.openedOn', message: 'La data di presa in carico è nel futuro', code: 'future_date' });
    const ownerId = await resolveCaseManager(tx, actor, comune, body.ownerUserId, 'body.ownerUserId', issues);
    if (body.referralId) {
      const ref = await selectReferralLink(tx, body.referralId);
      if (!ref) issues.push({ path: 'body.referralId', message: 'Segnalazione non trovata', code: 'not_found' });
      else if (ref.case_id)
        issues.push({ path: 'body.referralId', message: 'La segnalazione ha già un caso', code: 'already_linked' });
    }
    if (issues.length) throw invalid(issues);
    await assertNoDuplicateCf(tx, ctx, comune, body.holder, 'body.holder');
    const { caseId, person } = await openCase(tx, ctx, {
      comune,
      holder: body.holder,
      openedOn: body.openedOn,
      inSai: body.inSai,
      ownerId,
      referralId: body.referralId ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.case.create',
      entityType: 'pilot_case',
      entityId: caseId,
      tenantComune: comune,
      details: { person: person.id, fields: ['identity', 'sex', 'birthCountry', 'nationalities', 'languages'] },
    });
    await refreshCaseTasks(tx, ctx, caseId);
    return readCaseAfterChange(tx, ctx, caseId);
  });
}

/** Adds a family member to the household; kind and degree follow from the relation. */
export async function addMember(ctx: Ctx, caseId: string, body: AddMemberBody): Promise<CaseDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(c);
    const issues = personIssues(body.person, 'body.person', { thirdCountry: false, today: todayOf(ctx) });
    if (issues.length) throw invalid(issues);
    await assertNoDuplicateCf(tx, ctx, c.comune_istat, body.person, 'body.person');
    const now = ctx.clock.now();
    const person = await registerPerson(tx, ctx, body.person, {
      comune: c.comune_istat,
      year: Number(c.opened_on.slice(0, 4)),
      now,
    });
    const kin = kinshipOf(body.relation);
    await insertFamilyMember(tx, {
      caseId,
      personId: person.id,
      comune: c.comune_istat,
      relation: body.relation,
      kinshipKind: kin.kind,
      degree: kin.degree,
      inNucleo: body.inNucleo,
      presentInItaly: body.presentInItaly,
      now,
    });
    await bumpCaseVersion(tx, caseId, now);
    await recordCaseEvent(tx, ctx, {
      caseId,
      comune: c.comune_istat,
      personId: person.id,
      type: 'FAMILIARE_AGGIUNTO',
      on: todayOf(ctx),
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.member.add',
      entityType: 'pilot_case',
      entityId: caseId,
      tenantComune: c.comune_istat,
      details: { person: person.id, relation: body.relation },
    });
    await refreshCaseTasks(tx, ctx, caseId);
    return readCaseAfterChange(tx, ctx, caseId);
  });
}

/**
 * Persons of the Comune whose name holds every word of the query: the keyed trigram index gives
 * the candidates (only within the actor's reach), which are decrypted and kept only when they
 * truly match (no false positive of a truncated digest or of trigrams out of order survives).
 */
async function personsMatchingName(
  tx: Queryable,
  ctx: Ctx,
  comune: string,
  query: string,
  ownerOnly: string | null,
): Promise<string[] | null> {
  const grams = queryGrams(ctx.cipher, comune, query);
  if (!grams) return null;
  const candidates = await selectNameCandidates(tx, comune, grams, ownerOnly);
  return candidates
    .filter((p) => {
      const id = openIdentity(ctx.cipher, p.id, p.identity_enc);
      return nameMatches(query, id.surname, id.givenNames);
    })
    .map((p) => p.id);
}

/**
 * The Comune's cases; an operatore sees their own. Search by pseudonym (prefix), codice fiscale,
 * or name (whole or in part); filters by status, case manager, permit expiry and PAI state. The
 * holder's name is shown beside the pseudonym, so a page that lists cases is audited as one read
 * (`pilot.case.list`, the case ids in the details, never a name nor the query).
 */
export async function findCases(ctx: Ctx, q: CaseQuery): Promise<Page<CaseSummary>> {
  assertCan(ctx.actor, 'pilot.cases.read');
  const comune = comuneOf(ctx.actor);
  const actor = ctx.actor;
  const ownerOnly = !seesAllCases(actor) || q.mine ? actor.userId : null;
  let nameIdx: string | null = null;
  let cfIdx: string | null = null;
  if (q.q) {
    const cf = checkCodiceFiscale(q.q);
    if (cf.valid) cfIdx = cfIndex(ctx.cipher, cf.normalised);
    const words = q.q.split(/\s+/);
    if (words.length >= 2) nameIdx = nameIndex(ctx.cipher, words[0]!, words.slice(1).join(' '));
  }
  const today = todayOf(ctx);
  const rows = await ctx.db.tx(accessOf(actor), async (tx) => {
    // a pseudonym (CT-2026-0132) or a codice fiscale is not a name
    const byName = q.q !== undefined && !cfIdx && !/^[a-z]{2}-\d/i.test(q.q);
    const matches = byName ? await personsMatchingName(tx, ctx, comune, q.q!, ownerOnly) : null;
    const page = await selectCasePage(tx, q, { comune, ownerOnly, nameIdx, cfIdx, nameMatches: matches, today });
    if (page.length)
      await recordAudit(tx, ctx, {
        action: 'pilot.case.list',
        entityType: 'pilot_case_list',
        tenantComune: comune,
        details: { cases: page.map((r) => r.id), identity: true, byName: matches !== null },
      });
    return page;
  });
  return {
    items: rows.map((r) => toCaseSummary(r, today, openIdentity(ctx.cipher, r.holder_id, r.identity_enc))),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The case file. Every read is audited (who, which case, when), never with personal data. */
export async function getCase(ctx: Ctx, caseId: string): Promise<CaseDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    const detail = await readCaseFile(tx, ctx, c);
    await recordAudit(tx, ctx, {
      action: 'pilot.case.read',
      entityType: 'pilot_case',
      entityId: c.id,
      tenantComune: c.comune_istat,
      details: { members: detail.members.length, identity: true },
    });
    return detail;
  });
}
