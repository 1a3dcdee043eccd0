/** SQL of the import and export of cases. Plain rows in, plain rows out. */
import type { Queryable } from '../../../platform/db/db.js';
import type { CaseStatus, ExitReason } from '../shared/vocab.js';

/** Persons of the Comune already imported with one of these keys, or registered with one of these codici fiscali. */
export function selectKnownPersons(
  tx: Queryable,
  comune: string,
  importKeys: string[],
  cfIndexes: string[],
): Promise<{ import_key: string | null; cf_index: string | null }[]> {
  return tx.query<{ import_key: string | null; cf_index: string | null }>(
    `SELECT import_key, cf_index FROM pilot_persons
      WHERE comune_istat = $1 AND (import_key = ANY($2::text[]) OR cf_index = ANY($3::text[]))`,
    [comune, importKeys, cfIndexes],
  );
}

export interface ExportCaseRow {
  id: string;
  pseudonym: string;
  status: CaseStatus;
  opened_on: string;
  admitted_on: string | null;
  closed_on: string | null;
  exit_reason: ExitReason | null;
  members: number;
  owner: string;
  holder_id: string;
  identity_enc: string;
  in_sai: boolean;
}

/** The Comune's cases (row-level security), or one owner's, oldest first. */
export function selectCasesForExport(tx: Queryable, ownerOnly: string | null): Promise<ExportCaseRow[]> {
  return tx.query<ExportCaseRow>(
    `SELECT c.id, p.pseudonym, c.status, c.opened_on::text AS opened_on, c.admitted_on::text AS admitted_on, c.closed_on::text AS closed_on,
            c.exit_reason, (SELECT count(*) FROM pilot_case_members m WHERE m.case_id = c.id) AS members, u.display_name AS owner,
            p.id AS holder_id, p.identity_enc, c.in_sai
       FROM pilot_cases c JOIN pilot_persons p ON p.id = c.holder_person_id JOIN access_users_v u ON u.id = c.owner_user_id
      WHERE ($1::uuid IS NULL OR c.owner_user_id = $1) ORDER BY c.opened_on, p.pseudonym`,
    [ownerOnly],
  );
}
