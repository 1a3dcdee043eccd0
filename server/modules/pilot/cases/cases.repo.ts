/** SQL of persons, households and cases, and the reads of a case file. Plain rows in, plain rows out. */
import type { Queryable } from '../../../platform/db/db.js';
import { Where, offsetOf } from '../../../platform/pagination.js';
import type { CaseQuery } from './cases.schema.js';
import { selectPermitsOf, type PermitRow } from './permits.repo.js';
import type { CaseRow } from '../shared/access.repo.js';
import { selectComuneName } from '../shared/comuni.repo.js';
import { selectPaisOfCase, type CasePaiRow } from '../shared/pais.repo.js';
import type { PermitFacts } from '../shared/permits.js';
import type { CaseStatus } from '../shared/vocab.js';

/** Next number of the Comune's pseudonym counter for the year, with the province's sigla (row locked by the upsert). */
export async function nextPseudonymNumber(
  tx: Queryable,
  comune: string,
  year: number,
): Promise<{ last: number; sigla: string }> {
  const [row] = await tx.query<{ last: number; sigla: string }>(
    `WITH c AS (
       INSERT INTO pilot_counters (comune_istat, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (comune_istat, year) DO UPDATE SET last = pilot_counters.last + 1
       RETURNING last)
     SELECT c.last, m.province_sigla AS sigla FROM c, registry_comuni_v m WHERE m.istat_code = $1`,
    [comune, year],
  );
  return row!;
}

export interface PersonRow {
  id: string;
  pseudonym: string;
  sex: 'F' | 'M' | 'X';
  birth_year: number;
  birth_country: string;
  nationalities: string[];
  languages: string[];
  identity_enc: string;
}

/** A person as stored: identity already sealed, blind indexes already computed. */
export interface PersonInsert {
  id: string;
  comune: string;
  pseudonym: string;
  sex: string;
  birthYear: number;
  birthCountry: string;
  nationalities: string[];
  languages: string[];
  identityEnc: string;
  nameIndex: string;
  cfIndex: string | null;
  importKey: string | null;
  now: Date;
}

export async function insertPerson(tx: Queryable, p: PersonInsert): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_persons (id, comune_istat, pseudonym, sex, birth_year, birth_country, nationalities, languages,
       identity_enc, name_index, cf_index, import_key, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [
      p.id,
      p.comune,
      p.pseudonym,
      p.sex,
      p.birthYear,
      p.birthCountry,
      p.nationalities,
      p.languages,
      p.identityEnc,
      p.nameIndex,
      p.cfIndex,
      p.importKey,
      p.now,
    ],
  );
}

export async function existsPersonWithCf(tx: Queryable, comune: string, index: string): Promise<boolean> {
  return (
    (await tx.query('SELECT 1 FROM pilot_persons WHERE comune_istat = $1 AND cf_index = $2', [comune, index])).length >
    0
  );
}

export interface CaseListRow {
  id: string;
  pseudonym: string;
  holder_id: string;
  identity_enc: string;
  status: CaseStatus;
  opened_on: string;
  owner_user_id: string;
  owner_name: string;
  members: number;
  /** The holder's current permit, its facts as JSON. */
  permit: PermitFacts | null;
  pai_status: string | null;
  total: number;
}

/** What the service worked out for the case list: tenancy, reach and the search's keyed matches. */
export interface CasePageScope {
  comune: string;
  /** An operatore (or the referente's "mine"): only the cases this user holds. */
  ownerOnly: string | null;
  /** Exact full name and codice fiscale blind indexes of the query. */
  nameIdx: string | null;
  cfIdx: string | null;
  /** Persons whose name holds every word of the query (verified after decryption). */
  nameMatches: readonly string[] | null;
  today: string;
}

// the holder's current permit: the latest one not converted into its successor
const currentPermit = `FROM pilot_permits pm WHERE pm.person_id = c.holder_person_id AND pm.converted_on IS NULL
              ORDER BY coalesce(pm.issued_on, pm.receipt_on) DESC NULLS LAST, pm.created_at DESC LIMIT 1`;
const latestPaiStatus = `(SELECT pa.status FROM pilot_pais pa WHERE pa.person_id = c.holder_person_id ORDER BY pa.created_at DESC LIMIT 1)`;

export async function selectCasePage(tx: Queryable, q: CaseQuery, s: CasePageScope): Promise<CaseListRow[]> {
  const w = new Where();
  w.add('c.comune_istat = $?', s.comune);
  if (s.ownerOnly) w.add('c.owner_user_id = $?', s.ownerOnly);
  if (q.ownerUserId) w.add('c.owner_user_id = $?', q.ownerUserId);
  if (q.status) w.add('c.status = $?', q.status);
  if (q.permitExpiry) {
    const today = w.param(s.today);
    const cond =
      q.permitExpiry === 'expired'
        ? `cur.expires_on < ${today}::date`
        : `cur.expires_on BETWEEN ${today}::date AND ${today}::date + ${w.param(Number(q.permitExpiry.slice(7)))}::int`;
    w.raw(`EXISTS (SELECT 1 FROM (SELECT pm.expires_on, pm.revoked_on ${currentPermit}) cur
      WHERE (cur.revoked_on IS NULL OR cur.revoked_on > ${today}::date) AND ${cond})`);
  }
  if (q.paiStatus === 'none') w.raw(`${latestPaiStatus} IS NULL`);
  else if (q.paiStatus) w.add(`${latestPaiStatus} = $?`, q.paiStatus);
  if (q.q) {
    const like = w.param(`${q.q.toUpperCase()}%`);
    const byIndex = [`hp.pseudonym LIKE ${like}`];
    // a name or codice fiscale matches any member of the household through the keyed indexes
    if (s.nameIdx)
      byIndex.push(`EXISTS (SELECT 1 FROM pilot_case_members m JOIN pilot_persons p ON p.id = m.person_id
      WHERE m.case_id = c.id AND p.name_index = ${w.param(s.nameIdx)})`);
    if (s.cfIdx)
      byIndex.push(`EXISTS (SELECT 1 FROM pilot_case_members m JOIN pilot_persons p ON p.id = m.person_id
      WHERE m.case_id = c.id AND p.cf_index = ${w.param(s.cfIdx)})`);
    if (s.nameMatches?.length)
      byIndex.push(`EXISTS (SELECT 1 FROM pilot_case_members m
      WHERE m.case_id = c.id AND m.person_id = ANY(${w.param(s.nameMatches)}::uuid[]))`);
    w.raw(`(${byIndex.join(' OR ')})`);
  }
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  return tx.query<CaseListRow>(
    `SELECT c.id, hp.pseudonym, hp.id AS holder_id, hp.identity_enc, c.status, c.opened_on::text AS opened_on,
            c.owner_user_id, u.display_name AS owner_name,
            (SELECT count(*) FROM pilot_case_members m WHERE m.case_id = c.id) AS members,
            (SELECT json_build_object('basis', pm.basis, 'receiptOn', pm.receipt_on, 'issuedOn', pm.issued_on,
                      'expiresOn', pm.expires_on, 'renewalRequestedOn', pm.renewal_requested_on, 'renewedOn', pm.renewed_on,
                      'conversionRequestedOn', pm.conversion_requested_on, 'convertedOn', pm.converted_on, 'revokedOn', pm.revoked_on)
               ${currentPermit}) AS permit,
            ${latestPaiStatus} AS pai_status,
            count(*) OVER () AS total
       FROM pilot_cases c
       JOIN pilot_persons hp ON hp.id = c.holder_person_id
       JOIN access_users_v u ON u.id = c.owner_user_id
       ${w}
      ORDER BY c.opened_on DESC, hp.pseudonym DESC
      LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
}

export interface MemberRow extends PersonRow {
  role: 'titolare' | 'familiare';
  relation: string | null;
  kinship_kind: string | null;
  degree: number | null;
  in_nucleo: boolean;
  present_in_italy: boolean;
}

export async function selectMembers(tx: Queryable, caseId: string): Promise<MemberRow[]> {
  return tx.query<MemberRow>(
    `SELECT p.id, p.pseudonym, p.sex, p.birth_year, p.birth_country, p.nationalities, p.languages, p.identity_enc,
            m.role, m.relation, m.kinship_kind, m.degree, m.in_nucleo, m.present_in_italy
       FROM pilot_case_members m JOIN pilot_persons p ON p.id = m.person_id
      WHERE m.case_id = $1 ORDER BY m.role DESC, m.created_at, p.pseudonym`,
    [caseId],
  );
}

export interface AdmissionRow {
  id: string;
  person_id: string;
  status: 'ammesso' | 'revocato' | 'cessato';
  decided_on: string;
  decided_by_name: string;
  reason: string;
  ended_on: string | null;
  end_reason: string | null;
}

export async function selectAdmissions(tx: Queryable, caseId: string): Promise<AdmissionRow[]> {
  return tx.query<AdmissionRow>(
    `SELECT a.id, a.person_id, a.status, a.decided_on::text AS decided_on, u.display_name AS decided_by_name, a.reason,
            a.ended_on::text AS ended_on, a.end_reason
       FROM pilot_admissions a JOIN access_users_v u ON u.id = a.decided_by
      WHERE a.case_id = $1 ORDER BY a.created_at`,
    [caseId],
  );
}

export interface CaseEventRow {
  id: number;
  type: string;
  from_status: string | null;
  to_status: string | null;
  occurred_on: string;
  recorded_at: Date;
  actor: string | null;
  pseudonym: string | null;
  note: string | null;
}

export async function selectCaseEvents(tx: Queryable, caseId: string): Promise<CaseEventRow[]> {
  return tx.query<CaseEventRow>(
    `SELECT e.id, e.type, e.from_status, e.to_status, e.occurred_on::text AS occurred_on, e.recorded_at,
            u.display_name AS actor, p.pseudonym, e.note
       FROM pilot_case_events e LEFT JOIN access_users_v u ON u.id = e.actor_user_id LEFT JOIN pilot_persons p ON p.id = e.person_id
      WHERE e.case_id = $1 ORDER BY e.id`,
    [caseId],
  );
}

export async function selectUserName(tx: Queryable, userId: string): Promise<string> {
  const [row] = await tx.query<{ display_name: string }>('SELECT display_name FROM access_users_v WHERE id = $1', [
    userId,
  ]);
  return row?.display_name ?? '';
}

/** The rows of a case file, read one after the other (a transaction is one connection). */
export interface CaseFileRows {
  members: MemberRow[];
  admissions: AdmissionRow[];
  pais: CasePaiRow[];
  events: CaseEventRow[];
  ownerName: string;
  comuneName: string | undefined;
  permits: PermitRow[];
}

export async function selectCaseFile(tx: Queryable, c: CaseRow): Promise<CaseFileRows> {
  const members = await selectMembers(tx, c.id);
  const admissions = await selectAdmissions(tx, c.id);
  const pais = await selectPaisOfCase(tx, c.id);
  const events = await selectCaseEvents(tx, c.id);
  const ownerName = await selectUserName(tx, c.owner_user_id);
  const comuneName = await selectComuneName(tx, c.comune_istat);
  const permits = await selectPermitsOf(
    tx,
    members.map((m) => m.id),
  );
  return { members, admissions, pais, events, ownerName, comuneName, permits };
}

export async function insertCase(
  tx: Queryable,
  c: {
    comune: string;
    holderId: string;
    referralId: string | null;
    ownerId: string;
    openedOn: string;
    inSai: boolean;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_cases (comune_istat, holder_person_id, referral_id, owner_user_id, opened_on, in_sai, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [c.comune, c.holderId, c.referralId, c.ownerId, c.openedOn, c.inSai, c.now],
  );
  return row!.id;
}

export async function insertHolderMember(
  tx: Queryable,
  caseId: string,
  personId: string,
  comune: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_case_members (case_id, person_id, comune_istat, role, created_at) VALUES ($1, $2, $3, 'titolare', $4)`,
    [caseId, personId, comune, now],
  );
}

export async function insertFamilyMember(
  tx: Queryable,
  m: {
    caseId: string;
    personId: string;
    comune: string;
    relation: string;
    kinshipKind: string | null;
    degree: number | null;
    inNucleo: boolean;
    presentInItaly: boolean;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_case_members (case_id, person_id, comune_istat, role, relation, kinship_kind, degree, in_nucleo, present_in_italy, created_at)
     VALUES ($1, $2, $3, 'familiare', $4, $5, $6, $7, $8, $9)`,
    [m.caseId, m.personId, m.comune, m.relation, m.kinshipKind, m.degree, m.inNucleo, m.presentInItaly, m.now],
  );
}

/** The role of a person in a case, when they are a member of it. */
export async function selectMemberRole(
  tx: Queryable,
  caseId: string,
  personId: string,
): Promise<'titolare' | 'familiare' | undefined> {
  const [row] = await tx.query<{ role: 'titolare' | 'familiare' }>(
    'SELECT role FROM pilot_case_members WHERE case_id = $1 AND person_id = $2',
    [caseId, personId],
  );
  return row?.role;
}

export async function bumpCaseVersion(tx: Queryable, caseId: string, now: Date): Promise<void> {
  await tx.query('UPDATE pilot_cases SET version = version + 1, updated_at = $2 WHERE id = $1', [caseId, now]);
}

export async function selectReferralLink(
  tx: Queryable,
  referralId: string,
): Promise<{ case_id: string | null } | undefined> {
  const [row] = await tx.query<{ case_id: string | null }>('SELECT case_id FROM pilot_referrals WHERE id = $1', [
    referralId,
  ]);
  return row;
}

export async function linkReferralToCase(tx: Queryable, referralId: string, caseId: string, now: Date): Promise<void> {
  await tx.query(`UPDATE pilot_referrals SET case_id = $2, updated_at = $3 WHERE id = $1`, [referralId, caseId, now]);
}
