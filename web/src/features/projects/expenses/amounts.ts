/** Pure helpers of the expenses' pages (no imports, so the web unit tests read them as they are). */

/** "2025-03-05" → "05/03/2025". */
export const dayOf = (iso: string | null | undefined): string => (iso ? iso.split('-').reverse().join('/') : '');

/** Euro from the amount field (a number with at most two decimals) to integer cents. */
export const centsOf = (euros: number): number => Math.round(euros * 100);
