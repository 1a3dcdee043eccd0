/**
 * Cases (presa in carico): registering a beneficiary with their household, the case list, and
 * the case file. Reading a case file is audited, and the identity panel is decrypted only here.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { Page } from '../../../platform/pagination.js';
import { assertCan, can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { comuneOf, loadCase, assertCaseOpen, recordCaseEvent, seesAllCases, todayOf, type CaseRow } from '../shared/access.js';
import type {
  AddMemberBody, CaseDetail, CaseQuery, CaseSummary, CreateCaseBody, Member, Permit, PersonInput,
} from './cases.schema.js';
import {
  existsPersonWithCf, insertPerson, isPilotComune, selectAdmissions, selectCaseEvents, selectCaseManager, selectCasePage,
  selectMembers, selectPaisOfCase, selectPermitsOf, selectUserName, type MemberRow, type PermitRow,
} from './cases.repo.js';
import { cfIndex, nameIndex, openIdentity, openPermitNumber } from '../shared/identity.js';
import { caseMachine, exitReasonsAllowedFrom } from '../shared/machines.js';
import { checkCodiceFiscale } from '../shared/codice-fiscale.js';
import { daysBetween } from '../shared/dates.js';
import { assessEligibility, isThirdCountryNational, type Eligibility } from '../shared/eligibility.js';
import { kinshipOf } from '../shared/kinship.js';
import { derivePermitStatus } from '../shared/permits.js';
import type { CaseStatus, PermitBasis, PermitStatus, Relation } from '../shared/vocab.js';

/** Field checks the schema cannot express: codice fiscale check character, dates, third country. */
export function personIssues(p: PersonInput, path: string, opts: { thirdCountry: boolean; today: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.identity.codiceFiscale) {
    const cf = checkCodiceFiscale(p.identity.codiceFiscale);
    if (!cf.valid) issues.push({ path: `${path}.identity.codiceFiscale`, message: `Codice fiscale non valido: ${cf.reason}`, code: 'invalid_cf' });
  }
  if (p.identity.birthDate > opts.today || p.identity.birthDate < '1900-01-01') {
    issues.push({ path: `${path}.identity.birthDate`, message: 'La data di nascita non è plausibile', code: 'invalid_date' });
  }
  if (opts.thirdCountry && !isThirdCountryNational(p.nationalities)) {
    issues.push({
      path: `${path}.nationalities`,
      message: "Il titolare di un permesso art. 18-ter è cittadino di un paese terzo (non UE, SEE o Svizzera)", code: 'not_third_country',
    });
  }
  return issues;
}

export function invalid(issues: FieldIssue[]): AppError {
  return new AppError('request.invalid', issues.map((i) => i.message).join('; '), { fieldIssues: issues });
}

async function assertNoDuplicateCf(tx: Queryable, ctx: Ctx, comune: string, p: PersonInput, path: string): Promise<void> {
  if (!p.identity.codiceFiscale) return;
  if (await existsPersonWithCf(tx, comune, cfIndex(ctx.cipher, p.identity.codiceFiscale))) {
    throw new AppError('pilot.duplicate_person', 'Una persona con questo codice fiscale è già registrata nel Comune.', {
      fieldIssues: [{ path: `${path}.identity.codiceFiscale`, message: 'Codice fiscale già registrato', code: 'duplicate' }],
    });
  }
}

/**
 * Writes a holder and opens their case (member row, link to the referral, PRESA_IN_CARICO event)
 * inside the caller's transaction: shared by the form and the import, which audit it each their way.
 */
export async function openCase(
  tx: Queryable, ctx: Ctx,
  o: { comune: string; holder: PersonInput; openedOn: string; inSai: boolean; ownerId: string; referralId: string | null; importKey?: string | null },
): Promise<{ caseId: string; person: { id: string; pseudonym: string } }> {
  const now = ctx.clock.now();
  const person = await insertPerson(tx, ctx.cipher, {
    ...o.holder, id: randomUUID(), comune: o.comune, year: Number(o.openedOn.slice(0, 4)), now, importKey: o.importKey ?? null,
  });
  const [c] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_cases (comune_istat, holder_person_id, referral_id, owner_user_id, opened_on, in_sai, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [o.comune, person.id, o.referralId, o.ownerId, o.openedOn, o.inSai, now],
  );
  await tx.query(
    `INSERT INTO pilot_case_members (case_id, person_id, comune_istat, role, created_at) VALUES ($1, $2, $3, 'titolare', $4)`,
    [c!.id, person.id, o.comune, now],
  );
  if (o.referralId) {
    await tx.query(`UPDATE pilot_referrals SET case_id = $2, updated_at = $3 WHERE id = $1`, [o.referralId, c!.id, now]);
  }
  await recordCaseEvent(tx, ctx, {
    caseId: c!.id, comune: o.comune, personId: person.id, type: 'PRESA_IN_CARICO', to: 'aperto', on: o.openedOn,
    note: o.importKey ? 'import' : null,
  });
  return { caseId: c!.id, person };
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
  const id = await ctx.db.tx(accessOf(actor), async (tx) => {
    if (!(await isPilotComune(tx, comune))) throw new AppError('pilot.not_in_comune', 'This Comune is not part of the 18-ter pilot.');
    const issues = personIssues(body.holder, 'body.holder', { thirdCountry: true, today });
    if (body.openedOn > today) issues.push({ path: 'body.openedOn', message: 'La data di presa in carico è nel futuro', code: 'future_date' });
    let ownerId = actor.userId;
    if (body.ownerUserId && body.ownerUserId !== actor.userId) {
      if (!seesAllCases(actor)) throw new AppError('forbidden', 'Only the referente assigns cases to others.');
      if (!(await selectCaseManager(tx, comune, body.ownerUserId))) {
        issues.push({ path: 'body.ownerUserId', message: 'Non è un operatore o referente attivo del Comune', code: 'invalid_owner' });
      }
      ownerId = body.ownerUserId;
    }
    if (body.referralId) {
      const [ref] = await tx.query<{ case_id: string | null }>('SELECT case_id FROM pilot_referrals WHERE id = $1', [body.referralId]);
      if (!ref) issues.push({ path: 'body.referralId', message: 'Segnalazione non trovata', code: 'not_found' });
      else if (ref.case_id) issues.push({ path: 'body.referralId', message: 'La segnalazione ha già un caso', code: 'already_linked' });
    }
    if (issues.length) throw invalid(issues);
    await assertNoDuplicateCf(tx, ctx, comune, body.holder, 'body.holder');
    const { caseId, person } = await openCase(tx, ctx, {
      comune, holder: body.holder, openedOn: body.openedOn, inSai: body.inSai, ownerId, referralId: body.referralId ?? null,
    });
    const c = { id: caseId };
    await recordAudit(tx, ctx, {
      action: 'pilot.case.create', entityType: 'pilot_case', entityId: c.id, tenantComune: comune,
      details: { person: person.id, fields: ['identity', 'sex', 'birthCountry', 'nationalities', 'languages'] },
    });
    return c.id;
  });
  return getCase(ctx, id, { afterChange: true });
}

/** Adds a family member to the household; kind and degree follow from the relation. */
export async function addMember(ctx: Ctx, caseId: string, body: AddMemberBody): Promise<CaseDetail> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(c);
    const issues = personIssues(body.person, 'body.person', { thirdCountry: false, today: todayOf(ctx) });
    if (issues.length) throw invalid(issues);
    await assertNoDuplicateCf(tx, ctx, c.comune_istat, body.person, 'body.person');
    const now = ctx.clock.now();
    const person = await insertPerson(tx, ctx.cipher, {
      ...body.person, id: randomUUID(), comune: c.comune_istat, year: Number(c.opened_on.slice(0, 4)), now,
    });
    const kin = kinshipOf(body.relation);
    await tx.query(
      `INSERT INTO pilot_case_members (case_id, person_id, comune_istat, role, relation, kinship_kind, degree, in_nucleo, present_in_italy, created_at)
       VALUES ($1, $2, $3, 'familiare', $4, $5, $6, $7, $8, $9)`,
      [caseId, person.id, c.comune_istat, body.relation, kin.kind, kin.degree, body.inNucleo, body.presentInItaly, now],
    );
    await tx.query('UPDATE pilot_cases SET version = version + 1, updated_at = $2 WHERE id = $1', [caseId, now]);
    await recordCaseEvent(tx, ctx, { caseId, comune: c.comune_istat, personId: person.id, type: 'FAMILIARE_AGGIUNTO', on: todayOf(ctx) });
    await recordAudit(tx, ctx, {
      action: 'pilot.member.add', entityType: 'pilot_case', entityId: caseId, tenantComune: c.comune_istat,
      details: { person: person.id, relation: body.relation },
    });
  });
  return getCase(ctx, caseId, { afterChange: true });
}

/** The Comune's cases; an operatore sees their own. Search by pseudonym, full name or codice fiscale. */
export async function findCases(ctx: Ctx, q: CaseQuery): Promise<Page<CaseSummary>> {
  assertCan(ctx.actor, 'pilot.cases.read');
  comuneOf(ctx.actor);
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
  const { items, total } = await ctx.db.tx(accessOf(actor), (tx) => selectCasePage(tx, q, { ownerOnly, nameIdx, cfIdx, today: todayOf(ctx) }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** API form of a permit, with its derived status; the number only for those who see identity. */
export function toPermit(ctx: Ctx, r: PermitRow, today: string): Permit {
  const facts = {
    basis: r.basis as PermitBasis, receiptOn: r.receipt_on, issuedOn: r.issued_on, expiresOn: r.expires_on,
    renewalRequestedOn: r.renewal_requested_on, renewedOn: r.renewed_on, conversionRequestedOn: r.conversion_requested_on,
    convertedOn: r.converted_on, revokedOn: r.revoked_on,
  };
  return {
    id: r.id, personId: r.person_id, basis: r.basis as PermitBasis, questura: r.questura,
    initiatedBy: r.initiated_by as Permit['initiatedBy'], number: r.number_enc ? openPermitNumber(ctx.cipher, r.id, r.number_enc) : null,
    receiptOn: r.receipt_on, issuedOn: r.issued_on, expiresOn: r.expires_on, renewalRequestedOn: r.renewal_requested_on,
    renewedOn: r.renewed_on, renewalCount: r.renewal_count, conversionRequestedOn: r.conversion_requested_on,
    convertedOn: r.converted_on, convertedTo: r.converted_to as Permit['convertedTo'], revokedOn: r.revoked_on,
    revocationReason: r.revocation_reason, predecessorId: r.predecessor_id, status: derivePermitStatus(facts, today),
    daysToExpiry: r.expires_on ? daysBetween(today, r.expires_on) : null,
  };
}

/** The permit that counts now: the latest one not converted away. */
export function currentPermit(permits: Permit[]): Permit | null {
  const live = permits.filter((p) => p.status !== 'convertito');
  return live[live.length - 1] ?? permits[permits.length - 1] ?? null;
}

/** Eligibility of each member, derived from permits, kinship and the holder's admission. */
export function eligibilityOf(m: { role: string; nationalities: string[]; relation: string | null }, permits: Permit[], holderAdmitted: boolean): Eligibility {
  if (m.role === 'titolare') {
    const p = currentPermit(permits);
    return assessEligibility({
      role: 'titolare', nationalities: m.nationalities,
      permit: p ? { basis: p.basis, status: p.status as PermitStatus } : null,
    });
  }
  return assessEligibility({ role: 'familiare', nationalities: m.nationalities, relation: m.relation as Relation, holderAdmitted });
}

/** Assembles the case file inside the caller's transaction (no audit: callers decide). */
export async function readCaseFile(tx: Queryable, ctx: Ctx, c: CaseRow): Promise<CaseDetail> {
  const today = todayOf(ctx);
  // one after the other: a transaction is one connection, which runs one query at a time
  const members = await selectMembers(tx, c.id);
  const admissions = await selectAdmissions(tx, c.id);
  const pais = await selectPaisOfCase(tx, c.id);
  const events = await selectCaseEvents(tx, c.id);
  const ownerName = await selectUserName(tx, c.owner_user_id);
  const comune = await tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [c.comune_istat]);
  const permits = (await selectPermitsOf(tx, members.map((m) => m.id))).map((p) => toPermit(ctx, p, today));
  const liveAdmission = (personId: string) => admissions.filter((a) => a.person_id === personId).at(-1) ?? null;
  const holderAdmitted = members.some((m) => m.role === 'titolare' && liveAdmission(m.id)?.status === 'ammesso');
  const toMember = (m: MemberRow): Member => {
    const own = permits.filter((p) => p.personId === m.id);
    const adm = liveAdmission(m.id);
    const pai = pais.filter((p) => p.person_id === m.id).at(-1);
    return {
      personId: m.id, pseudonym: m.pseudonym, role: m.role, relation: m.relation as Member['relation'],
      kinshipKind: m.kinship_kind as Member['kinshipKind'], degree: m.degree, inNucleo: m.in_nucleo ?? true,
      presentInItaly: m.present_in_italy ?? true, sex: m.sex, birthYear: m.birth_year, birthCountry: m.birth_country,
      nationalities: m.nationalities, languages: m.languages, identity: openIdentity(ctx.cipher, m.id, m.identity_enc),
      eligibility: eligibilityOf(m, own, holderAdmitted),
      admission: adm ? {
        status: adm.status, decidedOn: adm.decided_on, decidedBy: adm.decided_by_name, reason: adm.reason,
        endedOn: adm.ended_on, endReason: adm.end_reason,
      } : null,
      permits: own,
      pai: pai ? { id: pai.id, status: pai.status, version: pai.version } : null,
    };
  };
  const canDecide = can(ctx.actor, 'pilot.cases.decide');
  const holder = members.find((m) => m.role === 'titolare')!;
  return {
    id: c.id, pseudonym: holder.pseudonym, comuneIstat: c.comune_istat, comuneName: comune[0]?.name ?? '', status: c.status,
    openedOn: c.opened_on, admittedOn: c.admitted_on, closedOn: c.closed_on, exitReason: c.exit_reason, inSai: c.in_sai,
    referralId: c.referral_id, owner: { id: c.owner_user_id, displayName: ownerName }, version: c.version,
    members: members.map(toMember),
    events: events.map((e) => ({
      id: e.id, type: e.type, fromStatus: e.from_status, toStatus: e.to_status, occurredOn: e.occurred_on,
      recordedAt: e.recorded_at.toISOString(), actor: e.actor, pseudonym: e.pseudonym, note: e.note,
    })),
    allowedTransitions: [...caseMachine[c.status]].filter((s: CaseStatus) =>
      // admission needs the referente; an active PAI comes from approving a PAI, except when resuming
      (s !== 'ammesso_misure' || canDecide) && (s !== 'pai_attivo' || c.status === 'sospeso')),
    allowedExitReasons: exitReasonsAllowedFrom(c.status).filter((r) => r !== 'revoca_art7' || canDecide),
    canDecide,
  };
}

/**
 * The case file. Every read is audited (who, which case, when), never with personal data; the
 * file returned by a change is not a separate read (the change itself is audited).
 */
export async function getCase(ctx: Ctx, caseId: string, opts: { afterChange?: boolean } = {}): Promise<CaseDetail> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    const detail = await readCaseFile(tx, ctx, c);
    if (opts.afterChange) return detail;
    await recordAudit(tx, ctx, {
      action: 'pilot.case.read', entityType: 'pilot_case', entityId: c.id, tenantComune: c.comune_istat,
      details: { members: detail.members.length, identity: true },
    });
    return detail;
  });
}
