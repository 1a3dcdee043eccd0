/**
 * Statistical disclosure control of counts of persons, the generic rule (security.md §4.2). The
 * pilot's quadro comparativo and the national surveys' results both publish counts of persons
 * through it. Pure: no I/O, no clock, no randomness, so identical inputs always give identical
 * outputs (a figure requested twice never reveals more than once).
 *
 * - a count of persons: 0 stays 0, 1–9 becomes "<10", anything else is rounded to the nearest
 *   multiple of 5 (half up), so a published count is never 1–9;
 * - an average over persons: "<10" under 10 persons, else the total it averages divided by the
 *   rounded count, so that no quotient of published figures gives back a true count (decision 0029).
 */

/** A published figure: a number, "<10" (suppressed), or null (not computable). */
export type ControlledFigure = number | '<10' | null;

export const SUPPRESSED = '<10' as const;
/** Smallest number of persons a published figure may describe or be computed over. */
export const MIN_PERSONS = 10;
/** Published counts of persons are multiples of this. */
export const ROUNDING_BASE = 5;

export function assertPersons(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${String(n)}`);
  }
}

export function assertFinite(n: number, what: string): void {
  if (!Number.isFinite(n)) throw new RangeError(`${what} must be a finite number, got ${String(n)}`);
}

/** Rounds half away from zero to `decimals` places, immune to the 1.005 -> 1.00 binary artefact. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(x) * f * (1 + Number.EPSILON)) / f;
  return r === 0 ? 0 : Math.sign(x) * r;
}

/**
 * 0 -> 0; 1..9 -> "<10"; >= 10 -> the nearest multiple of 5, half up (12 -> 10, 13 -> 15).
 * Throws on anything that is not a non-negative integer: a bad count must fail, not be published.
 */
export function controlPersons(n: number): number | '<10' {
  assertPersons(n, 'a count of persons');
  if (n === 0) return 0;
  if (n < MIN_PERSONS) return SUPPRESSED;
  // n >= 10 rounds to >= 10, so a published count is never in 1..9
  return Math.floor((n + ROUNDING_BASE / 2) / ROUNDING_BASE) * ROUNDING_BASE;
}

/**
 * A controlled average over `base` persons whose exact value is `average`: null when there is no
 * person, "<10" when fewer than 10, else the total it averages (average × base, exact) divided by
 * the published count of persons (controlPersons(base)), to the cent. Anyone who divides the
 * published total by it gets the published, rounded count: nothing more; when the cents are too
 * coarse for that to hold (an average of a few cents), null.
 */
export function averageOverRoundedCount(average: number, base: number): ControlledFigure {
  assertPersons(base, 'the base of an average');
  if (base === 0) return null;
  const published = controlPersons(base);
  if (published === SUPPRESSED) return SUPPRESSED;
  const total = roundTo(average * base, 2);
  const controlled = roundTo(total / published, 2);
  // an average of a few cents is too coarse to hide the count behind the rounding of its cents
  // (0.12 € over 12 PAIs published as 0.01 € gives back 12): not published
  if (controlled === 0 || Math.round(total / controlled) !== published) return null;
  return controlled;
}
