/**
 * Rows to API shapes for the cases sub-feature, in one place: case list and file, permits,
 * referrals, contracts and outcomes. Identity and permit numbers are decrypted here, on the way out.
 */
import type { Ctx } from '../../../platform/context.js';
import { can } from '../../../platform/policy.js';
import type { CaseRow } from '../shared/access.repo.js';
import type { CaseDetail, CaseSummary, Member, Permit, Referral } from './cases.schema.js';
import type { CaseFileRows, CaseListRow, MemberRow } from './cases.repo.js';
import type { PermitRow } from './permits.repo.js';
import type { ContractRow, OutcomeRow } from './outcomes.repo.js';
import type { CaseOutcomes } from './outcomes.schema.js';
import type { ReferralRow } from './referrals.repo.js';
import type { PackageSectionRows } from './privacy.repo.js';
import { openIdentity, openPermitNumber, type Identity } from '../shared/identity.js';
import { caseMachine, exitReasonsAllowedFrom } from '../shared/machines.js';
import { daysBetween } from '../shared/dates.js';
import { assessEligibility, type Eligibility } from '../shared/eligibility.js';
import { derivePermitStatus, type PermitRecord } from '../shared/permits.js';
import type { LabelLanguage } from '../shared/labels.js';
import { eventWords } from './event-lines.js';
import type { CaseStatus, PermitBasis, Relation } from '../shared/vocab.js';

/** The facts of a permit row, as the permit rules read them. */
export function permitRecordOf(r: PermitRow): PermitRecord {
  return {
    basis: r.basis as PermitBasis,
    receiptOn: r.receipt_on,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    renewalRequestedOn: r.renewal_requested_on,
    renewedOn: r.renewed_on,
    conversionRequestedOn: r.conversion_requested_on,
    convertedOn: r.converted_on,
    revokedOn: r.revoked_on,
    renewalCount: r.renewal_count,
    convertedTo: r.converted_to as PermitBasis | null,
    revocationReason: r.revocation_reason,
  };
}

/** API form of a permit, with its derived status; the number only for those who see identity. */
export function toPermit(ctx: Pick<Ctx, 'cipher'>, r: PermitRow, today: string): Permit {
  return {
    id: r.id,
    personId: r.person_id,
    basis: r.basis as PermitBasis,
    questura: r.questura,
    initiatedBy: r.initiated_by as Permit['initiatedBy'],
    number: r.number_enc ? openPermitNumber(ctx.cipher, r.id, r.number_enc) : null,
    receiptOn: r.receipt_on,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    renewalRequestedOn: r.renewal_requested_on,
    renewedOn: r.renewed_on,
    renewalCount: r.renewal_count,
    conversionRequestedOn: r.conversion_requested_on,
    convertedOn: r.converted_on,
    convertedTo: r.converted_to as Permit['convertedTo'],
    revokedOn: r.revoked_on,
    revocationReason: r.revocation_reason,
    predecessorId: r.predecessor_id,
    status: derivePermitStatus(permitRecordOf(r), today),
    daysToExpiry: r.expires_on ? daysBetween(today, r.expires_on) : null,
  };
}

/** The permit that counts now: the latest one not converted away. */
export function currentPermit(permits: Permit[]): Permit | null {
  const live = permits.filter((p) => p.status !== 'convertito');
  return live[live.length - 1] ?? permits[permits.length - 1] ?? null;
}

/** Eligibility of each member, derived from permits, kinship and the holder's admission, in `lang`. */
export function eligibilityOf(
  m: { role: string; nationalities: string[]; relation: string | null },
  permits: Permit[],
  holderAdmitted: boolean,
  lang: LabelLanguage = 'it',
): Eligibility {
  if (m.role === 'titolare') {
    const p = currentPermit(permits);
    return assessEligibility(
      { role: 'titolare', nationalities: m.nationalities, permit: p ? { basis: p.basis, status: p.status } : null },
      lang,
    );
  }
  return assessEligibility(
    { role: 'familiare', nationalities: m.nationalities, relation: m.relation as Relation, holderAdmitted },
    lang,
  );
}

/** The eligibility as the case file shows it: the explanation in both languages of the UI. */
function localizedEligibility(
  m: { role: string; nationalities: string[]; relation: string | null },
  permits: Permit[],
  holderAdmitted: boolean,
): Member['eligibility'] {
  const it = eligibilityOf(m, permits, holderAdmitted, 'it');
  const en = eligibilityOf(m, permits, holderAdmitted, 'en');
  return {
    eligible: it.eligible,
    code: it.code,
    explanation: { it: it.explanation, en: en.explanation },
    legalReference: { it: it.legalReference, en: en.legalReference },
  };
}

/** One line of the case list, the holder's permit status derived on `today`. */
export function toCaseSummary(
  r: CaseListRow,
  today: string,
  holder: Pick<Identity, 'surname' | 'givenNames'>,
): CaseSummary {
  return {
    id: r.id,
    pseudonym: r.pseudonym,
    holderName: `${holder.surname} ${holder.givenNames}`,
    status: r.status,
    openedOn: r.opened_on,
    ownerId: r.owner_user_id,
    ownerName: r.owner_name,
    members: r.members,
    permitStatus: r.permit ? derivePermitStatus(r.permit, today) : null,
    permitExpiresOn: r.permit?.expiresOn ?? null,
    paiStatus: r.pai_status,
  };
}

/** The case file: members with identity, eligibility, admission, permits and PAI; events; allowed moves. */
export function toCaseDetail(
  ctx: Pick<Ctx, 'actor' | 'cipher'>,
  c: CaseRow,
  f: CaseFileRows,
  today: string,
): CaseDetail {
  const permits = f.permits.map((p) => toPermit(ctx, p, today));
  const liveAdmission = (personId: string) => f.admissions.filter((a) => a.person_id === personId).at(-1) ?? null;
  const holderAdmitted = f.members.some((m) => m.role === 'titolare' && liveAdmission(m.id)?.status === 'ammesso');
  const toMember = (m: MemberRow): Member => {
    const own = permits.filter((p) => p.personId === m.id);
    const adm = liveAdmission(m.id);
    const pai = f.pais.filter((p) => p.person_id === m.id).at(-1);
    return {
      personId: m.id,
      pseudonym: m.pseudonym,
      role: m.role,
      relation: m.relation as Member['relation'],
      kinshipKind: m.kinship_kind as Member['kinshipKind'],
      degree: m.degree,
      inNucleo: m.in_nucleo ?? true,
      presentInItaly: m.present_in_italy ?? true,
      sex: m.sex,
      birthYear: m.birth_year,
      birthCountry: m.birth_country,
      nationalities: m.nationalities,
      languages: m.languages,
      identity: openIdentity(ctx.cipher, m.id, m.identity_enc),
      eligibility: localizedEligibility(m, own, holderAdmitted),
      admission: adm
        ? {
            status: adm.status,
            decidedOn: adm.decided_on,
            decidedBy: adm.decided_by_name,
            reason: adm.reason,
            endedOn: adm.ended_on,
            endReason: adm.end_reason,
          }
        : null,
      permits: own,
      pai: pai ? { id: pai.id, status: pai.status, version: pai.version } : null,
    };
  };
  const canDecide = can(ctx.actor, 'pilot.cases.decide');
  const holder = f.members.find((m) => m.role === 'titolare')!;
  return {
    id: c.id,
    pseudonym: holder.pseudonym,
    comuneIstat: c.comune_istat,
    comuneName: f.comuneName ?? '',
    status: c.status,
    openedOn: c.opened_on,
    admittedOn: c.admitted_on,
    closedOn: c.closed_on,
    exitReason: c.exit_reason,
    inSai: c.in_sai,
    referralId: c.referral_id,
    owner: { id: c.owner_user_id, displayName: f.ownerName },
    version: c.version,
    members: f.members.map(toMember),
    events: f.events.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      occurredOn: e.occurred_on,
      recordedAt: e.recorded_at.toISOString(),
      actor: e.actor,
      pseudonym: e.pseudonym,
      ...eventWords(e.type, e.note),
    })),
    allowedTransitions: [...caseMachine[c.status]].filter(
      (s: CaseStatus) =>
        // admission needs the referente; an active PAI comes from approving a PAI, except when resuming
        (s !== 'ammesso_misure' || canDecide) && (s !== 'pai_attivo' || c.status === 'sospeso'),
    ),
    allowedExitReasons: exitReasonsAllowedFrom(c.status).filter((r) => r !== 'revoca_art7' || canDecide),
    canDecide,
  };
}

export function toReferral(r: ReferralRow): Referral {
  return {
    id: r.id,
    comuneIstat: r.comune_istat,
    receivedOn: r.received_on,
    source: r.source,
    channel: r.channel,
    sector: r.sector,
    catalogueVersion: r.catalogue_version,
    outcome: r.outcome,
    outcomeOn: r.outcome_on,
    caseId: r.case_id,
    screening: r.screening ?? [],
    observedCount: (r.screening ?? []).filter((s) => s.observed === 'si').length,
  };
}

export function toCaseOutcomes(contracts: ContractRow[], outcomes: OutcomeRow[]): CaseOutcomes {
  return {
    contracts: contracts.map((c) => ({
      id: c.id,
      personId: c.person_id,
      pseudonym: c.pseudonym,
      type: c.type,
      ateco: c.ateco,
      ccnl: c.ccnl,
      weeklyHours: c.weekly_hours,
      startOn: c.start_on,
      endOn: c.end_on,
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      personId: o.person_id,
      pseudonym: o.pseudonym,
      kind: o.kind,
      occurredOn: o.occurred_on,
      employed: o.employed,
      detail: o.detail,
    })),
  };
}

type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type CamelRow<R> = { [K in keyof R as Camel<K & string>]: R[K] };

/** A row with its columns in camelCase, in the same order (the access package lists records as held). */
function camelRow<R extends object>(row: R): CamelRow<R> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), v]),
  ) as CamelRow<R>;
}

/** The sections of a person's access package. */
export function toPackageSections(s: PackageSectionRows): {
  [K in keyof PackageSectionRows]: CamelRow<PackageSectionRows[K][number]>[];
} {
  return {
    admissions: s.admissions.map(camelRow),
    pais: s.pais.map(camelRow),
    measures: s.measures.map(camelRow),
    contracts: s.contracts.map(camelRow),
    outcomes: s.outcomes.map(camelRow),
    events: s.events.map(camelRow),
  };
}
