/** The quadro comparativo and the pseudonymised rows: from the database rows to the shapes they are published in. */
import { comparativeColumns } from './comparative.columns.js';
import type { CountRow, RecordRow } from './comparative.repo.js';
import type { PseudonymisedRecord } from './comparative.schema.js';
import type { RawCell, RawRow } from './disclosure.js';

const kindOf = new Map(comparativeColumns.map((c) => [c.key, c.kind]));

function rawCell(row: CountRow): RawCell {
  const kind = kindOf.get(row.metric);
  const value = row.value === null ? null : Number(row.value);
  // ratios and medians carry the number of persons they are computed over
  if (kind === 'ratio' || kind === 'days') return { value, base: Number(row.base ?? 0) };
  // an amount with a base is an average over persons (cost per PAI): controlled by its base
  return row.base !== null && row.base !== undefined ? { value, base: Number(row.base) } : { value };
}

/**
 * The figures as raw rows (before disclosure control): one per pilot Comune, in the order of
 * `names`, and the total row. Metrics that are not a column of the table are left out.
 */
export function toRawRows(
  names: { istat_code: string; name: string }[],
  counts: CountRow[],
): { rows: RawRow[]; total: RawRow } {
  const byComune = new Map<string, RawRow>();
  const total: RawRow = { comuneIstat: '', comuneName: '', cells: {} };
  for (const { istat_code: code, name } of names)
    byComune.set(code, { comuneIstat: code, comuneName: name, cells: {} });
  for (const row of counts) {
    if (!kindOf.has(row.metric)) continue;
    if (row.comune_istat === null) {
      total.cells[row.metric] = rawCell(row);
      continue;
    }
    let r = byComune.get(row.comune_istat);
    if (!r) {
      // flagged as pilot between the two statements: still shown, under its code
      r = { comuneIstat: row.comune_istat, comuneName: row.comune_istat, cells: {} };
      byComune.set(row.comune_istat, r);
    }
    r.cells[row.metric] = rawCell(row);
  }
  return { rows: [...byComune.values()], total };
}

export function toPseudonymisedRecord(r: Omit<RecordRow, 'total'>): PseudonymisedRecord {
  return {
    pseudonym: r.pseudonym,
    comuneIstat: r.comune_istat,
    role: r.role,
    degree: r.degree,
    sex: r.sex,
    ageBand: r.age_band,
    caseStatus: r.case_status,
    openedQuarter: r.opened_quarter,
    admitted: r.admitted,
    paiStatus: r.pai_status,
    measures: r.measures,
    hasContract: r.has_contract,
    exitReason: r.exit_reason,
  };
}
