import { useTranslation } from 'react-i18next';
import { dayFormat, euroFormat, localeOf, numberFormat } from '../../lib/format';
import type { Cell, CellKind } from './types';

/** Today in the browser's calendar, as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Euro, percentages, days and counts in the UI language (it-IT: 1.234,50 €, 45,5%, 12 gg). */
export function useMonitoringFormat() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? i18n.language);
  // built once per locale (lib/format): this hook runs in every cell of the quadro's tables
  const euro = euroFormat(locale);
  const count = numberFormat(locale, { useGrouping: 'always' });
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = dayFormat(locale);
  return {
    language: locale.startsWith('en') ? ('en' as const) : ('it' as const),
    euro: (v: number) => euro.format(v),
    count: (v: number) => count.format(v),
    /** A percentage given as 0–100. */
    percent: (v: number) => percent.format(v / 100),
    days: (v: number) => t('monitoring.format.days', { value: count.format(v) }),
    /** A YYYY-MM-DD date, without time-zone surprises. */
    date: (iso: string) => date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    /** A published number of the quadro comparativo, by its kind. */
    number: (kind: CellKind, v: number): string => {
      switch (kind) {
        case 'amount':
          return euro.format(v);
        case 'ratio':
          return percent.format(v / 100);
        case 'days':
          return t('monitoring.format.days', { value: count.format(v) });
        case 'persons':
        case 'count':
          return count.format(v);
      }
    },
  };
}

/**
 * One cell of the quadro comparativo: «<10» with its meaning for screen readers, a dash with
 * "not available" for null, or the formatted number.
 */
export function CellValue({ kind, value }: { kind: CellKind; value: Cell | undefined }) {
  const { t } = useTranslation();
  const format = useMonitoringFormat();
  if (value === '<10') {
    return (
      <>
        <span aria-hidden="true">&lt;10</span>
        <span className="visually-hidden">{t('monitoring.format.lessThanTen')}</span>
      </>
    );
  }
  if (value === null || value === undefined) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('common.notAvailable')}</span>
      </>
    );
  }
  return <>{format.number(kind, value)}</>;
}
