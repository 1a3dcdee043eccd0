/**
 * SQL of the quadro comparativo and of the pseudonymised rows. Both read through SECURITY DEFINER
 * functions (migration 0005) that cross row-level security but return aggregates, or rows
 * without identity, only. Returns plain rows.
 */
import type { Queryable } from '../../../platform/db/db.js';
import type { PseudonymisedRecord } from './comparative.schema.js';

/** One figure of the table: a metric of one Comune (or of the total, `comune_istat` null). */
export interface CountRow {
  comune_istat: string | null;
  metric: string;
  value: number | null;
  base: number | null;
}

export async function selectCounts(tx: Queryable, from: string, to: string): Promise<CountRow[]> {
  return tx.query<CountRow>(
    'SELECT comune_istat, metric, value, base FROM pilot_comparative_counts($1::date, $2::date)',
    [from, to],
  );
}

/** The pilot Comuni, by name. */
export async function selectPilotComuni(tx: Queryable): Promise<{ istat_code: string; name: string }[]> {
  return tx.query<{ istat_code: string; name: string }>(
    'SELECT istat_code, name FROM registry_comuni_v WHERE pilot_18ter ORDER BY name, istat_code',
  );
}

/** The ISTAT codes of the pilot Comuni, in code order. */
export async function selectPilotComuneCodes(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ istat_code: string }>(
    'SELECT istat_code FROM registry_comuni_v WHERE pilot_18ter ORDER BY istat_code',
  );
  return rows.map((r) => r.istat_code);
}

/** One pseudonymised row (a member of a case), with the Comune's row count (`total`) of the window. */
export interface RecordRow {
  pseudonym: string;
  comune_istat: string;
  role: PseudonymisedRecord['role'];
  degree: number | null;
  sex: PseudonymisedRecord['sex'];
  age_band: PseudonymisedRecord['ageBand'];
  case_status: PseudonymisedRecord['caseStatus'];
  opened_quarter: string;
  admitted: boolean;
  pai_status: PseudonymisedRecord['paiStatus'];
  measures: number;
  has_contract: boolean;
  exit_reason: PseudonymisedRecord['exitReason'];
  total: number;
}

/** A window of one Comune's pseudonymised rows; ages are computed at `refYear`. */
export async function selectRecords(
  tx: Queryable,
  comune: string,
  refYear: number,
  limit: number,
  offset: number,
): Promise<RecordRow[]> {
  return tx.query<RecordRow>(
    `SELECT pseudonym, comune_istat, role, degree, sex, age_band, case_status, opened_quarter, admitted, pai_status,
            measures, has_contract, exit_reason, total
       FROM pilot_pseudonymised_records($1, $2, $3, $4)`,
    [comune, refYear, limit, offset],
  );
}
