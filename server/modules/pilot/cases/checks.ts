/** Checks of the cases sub-feature that the request schemas cannot express. Pure. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { PersonInput } from './cases.schema.js';
import { checkCodiceFiscale } from '../shared/codice-fiscale.js';
import { isThirdCountryNational } from '../shared/eligibility.js';

/** Field checks of a person: codice fiscale check character, dates, third country. */
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
  if (opts.thirdCountry && !isThirdCountryNational(p.nationalities)) {
    issues.push({
      path: `${path}.nationalities`,
      message: 'Il titolare di un permesso art. 18-ter è cittadino di un paese terzo (non UE, SEE o Svizzera)',
      code: 'not_third_country',
    });
  }
  return issues;
}

/** A 400 with the field issues found. */
export function invalid(issues: FieldIssue[]): AppError {
  return new AppError('request.invalid', issues.map((i) => i.message).join('; '), { fieldIssues: issues });
}
