/** SQL of a person's data-subject rights: the reads of their access package and of who viewed their file. */
import type { Queryable } from '../../../platform/db/db.js';

export interface ViewRow { occurred_at: Date; actor_user_id: string | null; display_name: string | null; action: string }

/** Reads of a case file and of a person's PAI or access package, newest first. */
export function selectViews(tx: Queryable, caseId: string, personId: string): Promise<ViewRow[]> {
  return tx.query<ViewRow>(
    `SELECT a.occurred_at, a.actor_user_id, u.display_name, a.action
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE (a.entity_type = 'pilot_case' AND a.entity_id = $1 AND a.action IN ('pilot.case.read', 'pilot.case.export'))
         OR (a.action IN ('pilot.pai.read', 'pilot.pai.print', 'pilot.person.access_package') AND a.details->>'person' = $2)
      ORDER BY a.seq DESC LIMIT 500`,
    [caseId, personId],
  );
}

export interface PackagePersonRow {
  pseudonym: string; sex: string; birth_year: number; birth_country: string; nationalities: string[]; languages: string[];
  identity_enc: string; created_at: Date; role: string; relation: string | null; kinship_kind: string | null; degree: number | null;
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

/**
 * The person's own records, section by section, as the access package lists them: each query
 * names its columns as the package shows them (the package is the person's data as held).
 */
const packageSections = {
  admissions: `SELECT status, decided_on::text AS "decidedOn", reason, ended_on::text AS "endedOn", end_reason AS "endReason" FROM pilot_admissions WHERE person_id = $1 ORDER BY created_at`,
  pais: `SELECT id, version, status, needs, objectives, shared_on::text AS "sharedOn", notice_language AS "noticeLanguage", approved_on::text AS "approvedOn", closed_on::text AS "closedOn" FROM pilot_pais WHERE person_id = $1 ORDER BY created_at`,
  measures: `SELECT m.type, m.provider_name AS "providerName", m.start_on::text AS "startOn", m.end_on::text AS "endOn", m.hours_planned AS "hoursPlanned",
                m.hours_actual AS "hoursActual", m.cost_planned AS "costPlanned", m.cost_actual AS "costActual", m.status, m.outcome
           FROM pilot_measures m JOIN pilot_pais pa ON pa.id = m.pai_id WHERE pa.person_id = $1 ORDER BY m.start_on`,
  contracts: `SELECT type, ateco, ccnl, weekly_hours AS "weeklyHours", start_on::text AS "startOn", end_on::text AS "endOn" FROM pilot_contracts WHERE person_id = $1 ORDER BY start_on`,
  outcomes: `SELECT kind, occurred_on::text AS "occurredOn", employed, detail FROM pilot_outcomes WHERE person_id = $1 ORDER BY occurred_on`,
  events: `SELECT type, occurred_on::text AS "occurredOn", note FROM pilot_case_events WHERE person_id = $1 ORDER BY id`,
} as const;

export type PackageSections = Record<keyof typeof packageSections, Record<string, unknown>[]>;

/** Every section of the package, one query after the other (a transaction is one connection). */
export async function selectPackageSections(tx: Queryable, personId: string): Promise<PackageSections> {
  const out: Partial<PackageSections> = {};
  for (const [name, sql] of Object.entries(packageSections) as [keyof typeof packageSections, string][]) {
    out[name] = await tx.query<Record<string, unknown>>(sql, [personId]);
  }
  return out as PackageSections;
}
