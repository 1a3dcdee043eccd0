/** Words and formats shared by the actions' and the monitoring's pages. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { numberLocaleOf } from '../../../lib/amount';
import { formatNumber, type NumberRules } from '../../../lib/number';
import { useProblemMessages } from '../../../lib/problemMessages';

/** A plan action's budget: euro with cents, up to a hundred million. */
export const BUDGET: NumberRules = { decimals: 2, max: 100_000_000 };
/** An indicator's value or target. */
export const MEASURE: NumberRules = { decimals: 2, max: 999_999_999_999 };

/** "2025-03-05" → "05/03/2025". */
export const dmy = (iso: string | null | undefined): string =>
  iso ? iso.slice(0, 10).split('-').reverse().join('/') : '';

/** Euro and numbers the way the UI's language writes them. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const locale = numberLocaleOf(i18n.resolvedLanguage ?? i18n.language);
  return {
    locale,
    euro: (cents: number) => formatNumber(cents / 100, locale, BUDGET, true),
    measure: (value: number) => formatNumber(value, locale, MEASURE),
  };
}

/** A failed request in words: the codes of the plans' actions first, then the shared messages. */
export function useActionProblems() {
  const { t, i18n } = useTranslation();
  const { messageOf } = useProblemMessages();
  return useCallback(
    (error: unknown): string => {
      if (error instanceof ApiProblem) {
        const key = `plans.actions.errors.${error.code.replaceAll('.', '_')}`;
        if (i18n.exists(key)) return t(key as 'plans.actions.errors.plans_state');
      }
      return messageOf(error);
    },
    [t, i18n, messageOf],
  );
}

/** The period of a monitoring in words: "Anno 2025", "1° semestre 2025". */
export function usePeriodWords() {
  const { t } = useTranslation();
  return useCallback(
    (period: string): string => {
      const [year, half] = period.split('-S');
      return half === undefined
        ? t('plans.actions.monitoring.year', { year })
        : t('plans.actions.monitoring.semester', { year, n: half });
    },
    [t],
  );
}
