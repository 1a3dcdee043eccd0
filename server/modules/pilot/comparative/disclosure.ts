/**
 * Statistical disclosure control for the "quadro comparativo" of the 18-ter pilot (domain.md §7.5
 * item 1; security.md §4.2). Pure: no I/O, no clock, no randomness, so identical inputs always give
 * identical outputs (a requirement of T-18: a table requested twice must not reveal more than once).
 *
 * Policy applied to every controlled cell:
 * - persons (counts of persons or of per-person records): 0 stays 0, 1–9 becomes "<10", anything
 *   else is rounded to the nearest multiple of 5 (half up), so a published value is never 1–9;
 * - ratio and days (computed over persons): shown only when computed over at least 10 persons;
 * - count (non-person things such as hours) and amount (public finance of public bodies): exact;
 * - an amount averaged over persons (cost per PAI): "<10" under 10 persons, else re-computed over
 *   the rounded count, so no quotient of published figures gives back a true count (decision 0029).
 * The total row is computed by the caller from the raw data and controlled on its own; it is never
 * the sum of rounded cells. The rule for counts of persons is the platform's (platform/disclosure.ts).
 */

import {
  assertFinite,
  assertPersons,
  averageOverRoundedCount,
  controlPersons,
  roundTo,
  MIN_PERSONS,
  ROUNDING_BASE,
  SUPPRESSED,
} from '../../../platform/disclosure.js';

export {
  averageOverRoundedCount,
  controlPersons,
  MIN_PERSONS,
  ROUNDING_BASE,
  SUPPRESSED,
} from '../../../platform/disclosure.js';

export type CellKind = 'persons' | 'count' | 'amount' | 'ratio' | 'days';

export type TableBlock =
  | 'intake'
  | 'permits'
  | 'presa_in_carico'
  | 'pai_measures'
  | 'outcomes'
  | 'exits'
  | 'finance'
  | 'quality';

/**
 * - persons: a count of persons or of per-person records (PAIs, contracts): disclosure-controlled.
 * - count: a count of non-person things (hours): exact.
 * - amount: euro, public finance of public bodies: exact, to the cent.
 * - ratio: a percentage (0–100, one decimal) whose denominator is a number of persons: shown only
 *   when the denominator is >= 10, else "<10".
 * - days: a median number of days computed over persons: shown only when the number of persons it is
 *   computed over is >= 10, else "<10".
 */
export interface ColumnDef {
  key: string;
  block: TableBlock;
  kind: CellKind;
  labelIt: string;
  labelEn: string;
}

/** A published cell; null = not computable (e.g. a ratio whose denominator is 0). */
export type Cell = number | '<10' | null;

/** A raw cell; `base` is the denominator (ratio) or the number of persons (days). */
export interface RawCell {
  value: number | null;
  base?: number;
}

export interface RawRow {
  comuneIstat: string;
  comuneName: string;
  cells: Record<string, RawCell>;
}

export interface TableRow {
  /** null for the total row */
  comuneIstat: string | null;
  comuneName: string;
  /** true when the cells are the raw values (only for a viewer entitled to them) */
  exact: boolean;
  cells: Record<string, Cell>;
}

/**
 * Who is looking: 'all' sees every row exact (the platform's own operators), 'none' sees every row
 * controlled (Ministry, Regione), an ISTAT code sees that Comune's own row exact and the rest controlled.
 */
export interface DisclosureViewer {
  /** 'all', 'none', or the ISTAT code of the one Comune seen exact. */
  exactFor: string;
}

export const TOTAL_ROW_NAME = 'Totale';

export const DISCLOSURE_NOTE_IT =
  'I valori tra 1 e 9 persone sono indicati come «<10»; gli altri sono arrotondati al multiplo di 5 più vicino. ' +
  'Percentuali e mediane compaiono solo se calcolate su almeno 10 persone; le percentuali sono arrotondate a 5 punti. ' +
  'I totali sono calcolati sui dati originali e arrotondati a parte: possono non coincidere con la somma delle righe. ' +
  'Il costo medio per PAI è la spesa divisa per il numero arrotondato di PAI e non compare sotto i 10 PAI.';

export const DISCLOSURE_NOTE_EN =
  'Values between 1 and 9 persons are shown as “<10”; the others are rounded to the nearest multiple of 5. ' +
  'Percentages and medians appear only when computed over at least 10 persons; percentages are rounded to 5 points. ' +
  'Totals are computed from the original data and rounded separately: they may not equal the sum of the rows. ' +
  'The average cost per PAI is the spending divided by the rounded number of PAIs and is not shown under 10 PAIs.';

/**
 * The number of persons a ratio or a median is computed over: required whenever there is a value,
 * because without it the cell cannot be checked (fail closed).
 */
function baseOf(kind: CellKind, raw: RawCell): number {
  if (raw.base === undefined) throw new TypeError(`a ${kind} cell needs its base (number of persons)`);
  assertPersons(raw.base, `the base of a ${kind} cell`);
  return raw.base;
}

/** The raw value as published to a viewer entitled to it: exact, only rounded for display. */
function exactCell(kind: CellKind, raw: RawCell): Cell {
  const v = raw.value;
  if (v === null) return null;
  switch (kind) {
    case 'persons':
      assertPersons(v, 'a count of persons');
      return v;
    case 'count':
      assertFinite(v, 'a count');
      return v;
    case 'amount':
      assertFinite(v, 'an amount');
      return roundTo(v, 2);
    case 'ratio':
      assertFinite(v, 'a ratio');
      return baseOf(kind, raw) === 0 ? null : roundTo(v, 1);
    case 'days':
      assertFinite(v, 'a number of days');
      return baseOf(kind, raw) === 0 ? null : roundTo(v, 0);
  }
}

/** One cell as published to a viewer not entitled to the raw value. */
export function controlCell(kind: CellKind, raw: RawCell): Cell {
  const v = raw.value;
  if (v === null) return null;
  switch (kind) {
    case 'persons':
      return controlPersons(v);
    case 'count':
      return exactCell(kind, raw);
    case 'amount':
      if (raw.base === undefined) return exactCell(kind, raw);
      // an average over persons (the cost per PAI): suppressed over fewer than 10 persons, else
      // re-based on the published (rounded) count, so that total ÷ average gives back only the
      // rounded count and never the true one (decision 0029)
      assertFinite(v, 'an amount');
      return averageOverRoundedCount(v, baseOf(kind, raw));
    case 'ratio':
    case 'days': {
      assertFinite(v, kind === 'ratio' ? 'a ratio' : 'a number of days');
      const base = baseOf(kind, raw);
      if (base === 0) return null;
      if (base < MIN_PERSONS) return SUPPRESSED;
      // a percentage to one decimal over a small base would reveal its numerator (33.3% of a base
      // published as 10 can only be 4 of 12): controlled percentages move in steps of 5 points
      return kind === 'ratio' ? Math.round(v / ROUNDING_BASE) * ROUNDING_BASE : roundTo(v, 0);
    }
  }
}

function publishRow(
  columns: readonly ColumnDef[],
  raw: RawRow,
  comuneIstat: string | null,
  comuneName: string,
  exact: boolean,
): TableRow {
  const cells: Record<string, Cell> = {};
  for (const col of columns) {
    // a missing cell is "not computable", never an implicit 0; keys not in `columns` are dropped
    const rawCell = Object.hasOwn(raw.cells, col.key) ? raw.cells[col.key] : undefined;
    cells[col.key] =
      rawCell === undefined ? null : exact ? exactCell(col.kind, rawCell) : controlCell(col.kind, rawCell);
  }
  return { comuneIstat, comuneName, exact, cells };
}

/**
 * The table as one viewer may see it: the Comuni rows in the order given, then the total row
 * (comuneIstat null, name "Totale"). A row is exact when the viewer is entitled to it ('all', or
 * its own ISTAT code); the total row is exact only for 'all'. Only the columns listed are published.
 */
export function publishTable(
  columns: ColumnDef[],
  rows: RawRow[],
  total: RawRow,
  viewer: DisclosureViewer,
): TableRow[] {
  const keys = new Set<string>();
  for (const col of columns) {
    if (keys.has(col.key)) throw new Error(`duplicate column key "${col.key}"`);
    keys.add(col.key);
  }
  const codes = new Set<string>();
  for (const row of rows) {
    if (codes.has(row.comuneIstat)) throw new Error(`duplicate row for Comune ${row.comuneIstat}`);
    codes.add(row.comuneIstat);
  }
  const all = viewer.exactFor === 'all';
  const published = rows.map((row) =>
    publishRow(columns, row, row.comuneIstat, row.comuneName, all || viewer.exactFor === row.comuneIstat),
  );
  published.push(publishRow(columns, total, null, TOTAL_ROW_NAME, all));
  return published;
}
