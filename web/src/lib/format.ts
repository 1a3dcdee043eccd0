import { useTranslation } from 'react-i18next';

/** BCP 47 locale used for numbers and dates in each UI language. */
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'it-IT';
}

/**
 * Intl formatters are costly to build (each loads locale data: on a slow phone, building one per
 * table cell took half a second of the first render), so each is built once per locale and kind.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let f = formatters.get(key);
  if (f === undefined) {
    f = build();
    formatters.set(key, f);
  }
  return f as T;
}

/** A number formatter for a locale and options, built once (e.g. per table, not per cell). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`num:${locale}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** A date formatter for a locale and options, built once. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** A calendar date (UTC, so that it never moves a day) in a locale: "6 dic 2026". */
export function dayFormat(locale: string): Intl.DateTimeFormat {
  return cached(`day:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
}

/** Euro amounts in a locale: "1.234,50 €". */
export function euroFormat(locale: string): Intl.NumberFormat {
  return cached(`eur:${locale}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }));
}

/** Number and date formatting in the current UI language (it-IT: 1.398.249). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? i18n.language);
  // Always group thousands (2.591, not 2591): tables of populations read more evenly.
  const number = cached(`n:${locale}`, () => new Intl.NumberFormat(locale, { useGrouping: 'always' }));
  const date = cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  const dateTime = cached(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }),
  );
  const month = cached(
    `m:${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  const kb = cached(
    `kb:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }),
  );
  const mb = cached(
    `mb:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
  );
  return {
    locale,
    number: (value: number) => number.format(value),
    /** a file's size: "850 kB", "12,3 MB" */
    size: (bytes: number) => (bytes < 1_000_000 ? kb.format(Math.max(1, bytes / 1000)) : mb.format(bytes / 1_000_000)),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** "2026-04" or "2026-04-01" → "aprile 2026" */
    month: (value: string) => {
      const match = /^(\d{4})-(\d{2})/.exec(value);
      if (match === null) return value;
      return month.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    },
  };
}

/** A calendar day of the API as gg/mm/aaaa: 2026-03-05 → 05/03/2026 (empty when there is none). */
export const dmy = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/** An instant as gg/mm/aaaa hh:mm, in Italy's time. */
export const dmyTime = (iso: string): string =>
  dateFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
