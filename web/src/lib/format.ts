import { useTranslation } from 'react-i18next';

/** BCP 47 locale used for numbers and dates in each UI language. */
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'it-IT';
}

/** Number and date formatting in the current UI language (it-IT: 1.398.249). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? i18n.language);
  return {
    locale,
    // Always group thousands (2.591, not 2591): tables of populations read more evenly.
    number: (value: number) => new Intl.NumberFormat(locale, { useGrouping: 'always' }).format(value),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)),
    /** "2026-04" or "2026-04-01" → "aprile 2026" */
    month: (value: string) => {
      const match = /^(\d{4})-(\d{2})/.exec(value);
      if (match === null) return value;
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
    },
  };
}
