/**
 * The expenses' words and formats: codes of the call's lists as words (an unknown code, added to a
 * call later, is shown as it is), amounts in cents as "1.234,50 €", dates as gg/mm/aaaa.
 */
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../lib/project-rules';

export { centsOf, dayOf } from './amounts';

/** Cents as Italians read them: 123450 → "1.234,50 €". */
export const euro = (cents: number): string => formatEuro(cents);

export function useExpenseWords() {
  const { t, i18n } = useTranslation();
  // the call's lists may grow: a code without words yet is shown as it is
  const word = (group: 'docTypes' | 'paymentMeans' | 'statuses' | 'warnings', code: string): string => {
    const key = `projects.expenses.${group}.${code}`;
    return i18n.exists(key) ? t(key as 'projects.expenses.statuses.BOZZA') : code;
  };
  return {
    docType: (code: string) => word('docTypes', code),
    paymentMeans: (code: string) => word('paymentMeans', code),
    status: (code: string) => word('statuses', code),
    warning: (code: string) => word('warnings', code),
    /** A budget line as its category's label in the UI's language, with its description. */
    line: (l: {
      categoryCode: string;
      categoryLabelIt: string;
      categoryLabelEn: string | null;
      description: string;
    }) => {
      const label = i18n.language.startsWith('en') ? (l.categoryLabelEn ?? l.categoryLabelIt) : l.categoryLabelIt;
      return label === l.description ? `${l.categoryCode} ${label}` : `${l.categoryCode} ${label} — ${l.description}`;
    },
  };
}
