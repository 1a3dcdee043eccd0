/** The publications' words that need code: the problems in the reader's language, dates as gg/mm/aaaa. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../api/problem';
import { useProblemsOf } from '../../../lib/problemMessages';

/** A problem of the publications' API in words: the part's own codes first, then the platform's. */
export function usePublicationProblem() {
  const { t, i18n } = useTranslation();
  const problemOf = useProblemsOf('knowledge.publications.errors');
  return useCallback(
    (error: unknown): string => {
      // a refused file says why (not a PDF, active content…) in the part's words
      if (isProblem(error, 'knowledge.publications.file_refused')) {
        const reason = error.context.reason;
        const key = `knowledge.publications.refused.${typeof reason === 'string' ? reason : ''}`;
        if (typeof reason === 'string' && i18n.exists(key)) return t(key as 'knowledge.publications.refused.not_pdf');
      }
      return problemOf(error);
    },
    [t, i18n, problemOf],
  );
}

/** 2025-10-15 → 15/10/2025 */
export const dayIt = (iso: string | null | undefined): string =>
  iso ? iso.slice(0, 10).split('-').reverse().join('/') : '';

/** 15/10/2025 (or 15-10-2025, 15.10.2025) → 2025-10-15; null when not a real date; '' for none. */
export function isoDay(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
