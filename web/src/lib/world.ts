/**
 * Countries and languages in words on the web: the same tables and matching the server uses
 * (server/modules/pilot/shared/countries.ts, languages.ts; decision 0030), in the UI language.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  countryName,
  countryOptions,
  STATELESS,
  UNKNOWN_COUNTRY,
} from '../../../server/modules/pilot/shared/countries';
import { languageName, languageOptions, languageWithLevel } from '../../../server/modules/pilot/shared/languages';
import { matchNames, type WorldOption } from '../../../server/modules/pilot/shared/world';

export { STATELESS, UNKNOWN_COUNTRY, matchNames, type WorldOption };

type Lang = 'it' | 'en';

/** The names of countries and languages, and the pickers' searches, in the UI language. */
export function useWorld() {
  const { i18n } = useTranslation();
  const lang: Lang = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'it';
  return useMemo(() => {
    const countries = countryOptions(lang);
    const citizenships = countryOptions(lang, { citizenship: true });
    const languages = languageOptions(lang);
    return {
      lang,
      country: (code: string) => countryName(code, lang),
      countries: (codes: readonly string[]) => codes.map((c) => countryName(c, lang)).join(', '),
      language: (code: string) => languageName(code, lang),
      languages: (codes: readonly string[]) => codes.map((c) => languageName(c, lang)).join(', '),
      languageWithLevel: (code: string, level: Parameters<typeof languageWithLevel>[1]) =>
        languageWithLevel(code, level, lang),
      searchCountries: (text: string) => matchNames(countries, text),
      searchCitizenships: (text: string) => matchNames(citizenships, text),
      searchLanguages: (text: string) => matchNames(languages, text),
    };
  }, [lang]);
}
