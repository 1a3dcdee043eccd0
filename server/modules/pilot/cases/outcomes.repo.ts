/** SQL of a case's employment contracts and outcomes. Plain rows in, plain rows out. */
import type { Queryable } from '../../../platform/db/db.js';
import type { CaseOutcomes } from './outcomes.schema.js';

export interface ContractRow {
  id: string;
  person_id: string;
  pseudonym: string;
  type: CaseOutcomes['contracts'][number]['type'];
  ateco: string;
  ccnl: string | null;
  weekly_hours: number | null;
  start_on: string;
  end_on: string | null;
}

export interface OutcomeRow {
  id: string;
  person_id: string;
  pseudonym: string;
  kind: CaseOutcomes['outcomes'][number]['kind'];
  occurred_on: string;
  employed: boolean | null;
  detail: string | null;
}

export function selectContractsOfCase(tx: Queryable, caseId: string): Promise<ContractRow[]> {
  return tx.query<ContractRow>(
    `SELECT c.id, c.person_id, p.pseudonym, c.type, c.ateco, c.ccnl, c.weekly_hours, c.start_on::text AS start_on, c.end_on::text AS end_on
       FROM pilot_contracts c JOIN pilot_persons p ON p.id = c.person_id WHERE c.case_id = $1 ORDER BY c.start_on, c.id`,
    [caseId],
  );
}

export function selectOutcomesOfCase(tx: Queryable, caseId: string): Promise<OutcomeRow[]> {
  return tx.query<OutcomeRow>(
    `SELECT o.id, o.person_id, p.pseudonym, o.kind, o.occurred_on::text AS occurred_on, o.employed, o.detail
       FROM pilot_outcomes o JOIN pilot_persons p ON p.id = o.person_id WHERE o.case_id = $1 ORDER BY o.occurred_on, o.id`,
    [caseId],
  );
}

export async function insertContract(
  tx: Queryable,
  c: {
    personId: string;
    caseId: string;
    comune: string;
    type: string;
    ateco: string;
    ccnl: string | null;
    weeklyHours: number | null;
    startOn: string;
    endOn: string | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_contracts (person_id, case_id, comune_istat, type, ateco, ccnl, weekly_hours, start_on, end_on, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [c.personId, c.caseId, c.comune, c.type, c.ateco, c.ccnl, c.weeklyHours, c.startOn, c.endOn, c.now],
  );
  return row!.id;
}

export async function insertOutcome(
  tx: Queryable,
  o: {
    personId: string;
    caseId: string;
    comune: string;
    kind: string;
    occurredOn: string;
    employed: boolean | null;
    detail: string | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO pilot_outcomes (person_id, case_id, comune_istat, kind, occurred_on, employed, detail, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [o.personId, o.caseId, o.comune, o.kind, o.occurredOn, o.employed, o.detail, o.now],
  );
  return row!.id;
}
