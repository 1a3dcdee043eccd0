/** SQL of a person's data-subject rights: the reads of their access package and of who viewed their file. */
import type { Queryable } from '../../../platform/db/db.js';
import {
  selectMeasuresOfPerson,
  selectPaisOfPerson,
  type PersonMeasureRow,
  type PersonPaiRow,
} from '../shared/pais.repo.js';
import { identityReadsBy } from '../shared/identity-reads.js';

export interface ViewRow {
  occurred_at: Date;
  actor_user_id: string | null;
  display_name: string | null;
  organisation: string | null;
  roles: string[] | null;
  action: string;
  version: string | null;
  format: string | null;
}

/**
 * Every read that exposed this person's identity (the actions of IDENTITY_READS, each by its
 * link), newest first, with who made it: name, current roles and organisation.
 */
export async function selectViews(tx: Queryable, caseId: string, personId: string): Promise<ViewRow[]> {
  const paiIds = (await selectPaisOfPerson(tx, personId)).map((p) => p.id);
  return tx.query<ViewRow>(
    `SELECT a.occurred_at, a.actor_user_id, u.display_name, o.name AS organisation,
            (SELECT array_agg(r.role::text ORDER BY r.role) FROM access_user_roles_v r WHERE r.user_id = a.actor_user_id) AS roles,
            a.action, a.details->>'version' AS version, a.details->>'format' AS format
       FROM audit_events_v a
       LEFT JOIN access_users_v u ON u.id = a.actor_user_id
       LEFT JOIN registry_organisations_v o ON o.id = a.actor_org_id
      WHERE (a.action = ANY($3::text[]) AND ((a.entity_type = 'pilot_case' AND a.entity_id = $1) OR a.details->>'case' = $1))
         OR (a.action = ANY($4::text[]) AND a.details->>'person' = $2)
         OR (a.action = ANY($5::text[]) AND a.entity_type = 'pilot_pai' AND a.entity_id = ANY($6::text[]))
         OR (a.action = ANY($7::text[]) AND a.details->>'identity' = 'true'
             AND a.tenant_comune = (SELECT comune_istat FROM pilot_cases WHERE id = $8::uuid)
             AND a.occurred_at >= (SELECT created_at FROM pilot_cases WHERE id = $8::uuid))
         OR (a.action = ANY($9::text[]) AND a.details->'cases' ? $1)
      ORDER BY a.seq DESC LIMIT 500`,
    [
      caseId,
      personId,
      identityReadsBy('case'),
      identityReadsBy('person'),
      identityReadsBy('pai'),
      paiIds,
      identityReadsBy('export'),
      caseId,
      identityReadsBy('list'),
    ],
  );
}

export interface PackagePersonRow {
  pseudonym: string;
  sex: string;
  birth_year: number;
  birth_country: string;
  nationalities: string[];
  languages: string[];
  identity_enc: string;
  created_at: Date;
  role: string;
  relation: string | null;
  kinship_kind: string | null;
  degree: number | null;
}

export async function selectPackagePerson(tx: Queryable, personId: string): Promise<PackagePersonRow | undefined> {
  const [row] = await tx.query<PackagePersonRow>(
    `SELECT p.pseudonym, p.sex, p.birth_year, p.birth_country, p.nationalities, p.languages, p.identity_enc, p.created_at,
            m.role, m.relation, m.kinship_kind, m.degree
       FROM pilot_persons p JOIN pilot_case_members m ON m.person_id = p.id WHERE p.id = $1`,
    [personId],
  );
  return row;
}

export interface PackageSectionRows {
  admissions: {
    status: string;
    decided_on: string;
    reason: string;
    ended_on: string | null;
    end_reason: string | null;
  }[];
  pais: PersonPaiRow[];
  measures: PersonMeasureRow[];
  contracts: {
    type: string;
    ateco: string;
    ccnl: string | null;
    weekly_hours: number | null;
    start_on: string;
    end_on: string | null;
  }[];
  outcomes: { kind: string; occurred_on: string; employed: boolean | null; detail: string | null }[];
  events: { type: string; occurred_on: string; note: string | null }[];
}

/** The person's own records of this sub-feature, section by section (the PAIs and measures come from ../shared). */
const packageSections: Record<Exclude<keyof PackageSectionRows, 'pais' | 'measures'>, string> = {
  admissions: `SELECT status, decided_on::text AS decided_on, reason, ended_on::text AS ended_on, end_reason
                 FROM pilot_admissions WHERE person_id = $1 ORDER BY created_at`,
  contracts: `SELECT type, ateco, ccnl, weekly_hours, start_on::text AS start_on, end_on::text AS end_on
                FROM pilot_contracts WHERE person_id = $1 ORDER BY start_on`,
  outcomes: `SELECT kind, occurred_on::text AS occurred_on, employed, detail FROM pilot_outcomes WHERE person_id = $1 ORDER BY occurred_on`,
  events: `SELECT type, occurred_on::text AS occurred_on, note FROM pilot_case_events WHERE person_id = $1 ORDER BY id`,
};

/** Every section of the package, one query after the other (a transaction is one connection). */
export async function selectPackageSections(tx: Queryable, personId: string): Promise<PackageSectionRows> {
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(packageSections)) out[name] = await tx.query(sql, [personId]);
  out.pais = await selectPaisOfPerson(tx, personId);
  out.measures = await selectMeasuresOfPerson(tx, personId);
  return out as unknown as PackageSectionRows;
}
