/** Small helpers of the design pages: dates as gg/mm/aaaa, amounts as "1.234,50 €", problems in words. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../api/problem';
import { useProblemMessages } from '../../../lib/problemMessages';
import { formatEuro } from '../../../lib/project-rules';

/** '2025-03-01' → '01/03/2025' (the Italian way, also in English: dates are read off Italian documents). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export const euro = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '' : formatEuro(cents);

/** A problem of the design's API in words: this part's own codes first, then the common messages. */
export function useDesignProblem() {
  const { t, i18n } = useTranslation();
  const { messageOf } = useProblemMessages();
  return useCallback(
    (error: unknown): string => {
      if (isProblem(error)) {
        const key = `projects.design.errors.${error.code.replace(/\./g, '_')}`;
        if (i18n.exists(key)) return t(key as 'projects.design.errors.projects_stale');
        if (error.code === 'request.invalid' && error.fieldErrors.length > 0)
          return error.fieldErrors.map((f) => f.message).join('; ');
      }
      return messageOf(error);
    },
    [t, i18n, messageOf],
  );
}

/** The Italian messages of the failed checks a 400 `projects.budget.caps` carries. */
export function failedChecksOf(error: unknown): string[] {
  if (!isProblem(error, 'projects.budget.caps')) return [];
  const checks = error.context.checks;
  return Array.isArray(checks) ? checks.map((c) => String(c.message)) : [];
}
