/** Checks of the cases sub-feature that the request schemas cannot express. Pure. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { PersonInput } from './cases.schema.js';
import { checkCodiceFiscale } from '../shared/codice-fiscale.js';
import { isThirdCountryNational } from '../shared/eligibility.js';
import { countryName, isKnownCountry, UNKNOWN_COUNTRY } from '../shared/countries.js';
import { isKnownLanguage } from '../shared/languages.js';

/**
 * Field checks of a person: codice fiscale check character, dates, countries and languages on
 * the list (stable codes unknown_country, unknown_language), third country.
 */
export function personIssues(
  p: PersonInput,
  path: string,
  opts: { thirdCountry: boolean; today: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.identity.codiceFiscale) {
    const cf = checkCodiceFiscale(p.identity.codiceFiscale);
    if (!cf.valid)
      issues.push({
        path: `${path}.identity.codiceFiscale`,
        message: `Codice fiscale non valido: ${cf.reason}`,
        code: 'invalid_cf',
      });
  }
  if (p.identity.birthDate > opts.today || p.identity.birthDate < '1900-01-01') {
    issues.push({
      path: `${path}.identity.birthDate`,
      message: 'La data di nascita non è plausibile',
      code: 'invalid_date',
    });
  }
  if (!isKnownCountry(p.birthCountry)) {
    issues.push({
      path: `${path}.birthCountry`,
      message: `Paese di nascita sconosciuto: «${p.birthCountry}» non è un codice ISO 3166-1 dell'elenco`,
      code: 'unknown_country',
    });
  }
  p.nationalities.forEach((c) => {
    if (!isKnownCountry(c, { citizenship: true }))
      issues.push({
        path: `${path}.nationalities`,
        message: `Cittadinanza sconosciuta: «${c}» non è un codice ISO 3166-1 dell'elenco`,
        code: 'unknown_country',
      });
  });
  p.languages.forEach((c) => {
    if (!isKnownLanguage(c))
      issues.push({
        path: `${path}.languages`,
        message: `Lingua sconosciuta: «${c}» non è un codice ISO 639 dell'elenco`,
        code: 'unknown_language',
      });
  });
  const unknownOnly = p.nationalities.every((c) => c === UNKNOWN_COUNTRY);
  if (opts.thirdCountry && !unknownOnly && !isThirdCountryNational(p.nationalities)) {
    issues.push({
      path: `${path}.nationalities`,
      message: `Il titolare di un permesso art. 18-ter è cittadino di un paese terzo (non UE, SEE o Svizzera): ${p.nationalities.map((c) => countryName(c, 'it')).join(', ')}`,
      code: 'not_third_country',
    });
  }
  return issues;
}

/** A 400 with the field issues found. */
export function invalid(issues: FieldIssue[]): AppError {
  return new AppError('request.invalid', issues.map((i) => i.message).join('; '), { fieldIssues: issues });
}
