/** Small helpers of the plan pages: dates as gg/mm/aaaa, euro from cents, a problem of the plans' API in words. */
import { euroFormat } from '../../../lib/format';
import { useProblemsOf } from '../../../lib/problemMessages';

/** '2025-03-01' → '01/03/2025'. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as gg/mm/aaaa hh:mm in Italy's time. */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Amounts the Italian way: "12.500,00 €". */
export const euro = (cents: number): string => euroFormat('it-IT').format(cents / 100);

/** A problem of the plans' API in words: this part's own codes first, then the common messages. */
export const usePlanProblem = () => useProblemsOf('plans.plans.errors');
