/**
 * The fields of a person (holder or family member): identity data in their own fieldset, then
 * the pseudonymous profile (sex, birth country, citizenships, languages).
 */
import { useTranslation } from 'react-i18next';
import { useWatch } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormSelect, FormText } from '../../components/SchemaFields';
import { oneOfField, requiredText, useSchemaFormContext } from '../../lib/schemaForm';
import type { PersonInput } from './api/types';
import { COMMON_COUNTRIES, SEXES } from './vocab';

const OTHER = 'altro';
const codes = (text: string) => text.split(/[\s,;]+/).filter((c) => c !== '');

/** A person as typed in the form. */
export const emptyPerson = {
  surname: '',
  givenNames: '',
  birthDate: '',
  sex: '',
  birthCountry: '',
  birthCountryOther: '',
  nationalities: '',
  languages: '',
  codiceFiscale: '',
  phone: '',
  email: '',
  address: '',
};

/**
 * The person's checks, and the API body they turn into: identity fields trimmed (blank
 * optional ones become null), country and language codes split and normalised.
 */
export function personSchema(t: TFunction) {
  const required = t('fieldErrors.required');
  return z
    .object({
      surname: requiredText(required),
      givenNames: requiredText(required),
      birthDate: requiredText(required),
      sex: oneOfField(SEXES, required),
      birthCountry: requiredText(required),
      birthCountryOther: z.string(),
      nationalities: z.string().superRefine((text, ctx) => {
        const list = codes(text.toUpperCase());
        if (list.length === 0) ctx.addIssue({ code: 'custom', message: required });
        else if (!list.every((c) => /^[A-Z]{2}$/.test(c)))
          ctx.addIssue({ code: 'custom', message: t('cases.person.countryCodeFormat') });
      }),
      languages: z
        .string()
        .refine(
          (text) => codes(text.toLowerCase()).every((c) => /^[a-z]{2,3}$/.test(c)),
          t('cases.person.languageCodeFormat'),
        ),
      codiceFiscale: z.string(),
      phone: z.string(),
      email: z.string(),
      address: z.string(),
    })
    .refine((d) => d.birthCountry !== OTHER || /^[A-Z]{2}$/.test(d.birthCountryOther.trim().toUpperCase()), {
      message: t('cases.person.countryCodeFormat'),
      path: ['birthCountryOther'],
      // checked together with the other fields, not only once they are all fine
      when: () => true,
    })
    .transform((d): PersonInput => {
      const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
      return {
        identity: {
          surname: d.surname.trim(),
          givenNames: d.givenNames.trim(),
          birthDate: d.birthDate,
          codiceFiscale: orNull(d.codiceFiscale.toUpperCase()),
          phone: orNull(d.phone),
          email: orNull(d.email),
          address: orNull(d.address),
        },
        sex: d.sex,
        birthCountry: d.birthCountry === OTHER ? d.birthCountryOther.trim().toUpperCase() : d.birthCountry,
        nationalities: codes(d.nationalities.toUpperCase()),
        languages: codes(d.languages.toLowerCase()),
      };
    });
}

/** API paths of a person (under `apiBase`, e.g. 'holder') → the form's field names (under `base`). */
export function personPaths(apiBase: string, base: string): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const key of ['surname', 'givenNames', 'birthDate', 'codiceFiscale', 'phone', 'email', 'address']) {
    paths[`${apiBase}.identity.${key}`] = `${base}.${key}`;
  }
  for (const key of ['sex', 'birthCountry', 'nationalities', 'languages'])
    paths[`${apiBase}.${key}`] = `${base}.${key}`;
  return paths;
}

/** The person's fields, named `base`.surname and so on in a schema form (ids `base`-surname…). */
export function PersonFields({ base }: { base: string }) {
  const { t } = useTranslation();
  const form = useSchemaFormContext();
  const birthCountry = useWatch({ control: form.methods.control, name: `${base}.birthCountry` }) as string;
  const name = (key: keyof typeof emptyPerson) => `${base}.${key}`;
  const optional = (label: string) => `${label} ${t('cases.common.optional')}`;
  const countries = COMMON_COUNTRIES.map((c) => ({ value: c, label: `${t(`cases.countries.${c}`)} (${c})` }));

  return (
    <>
      <fieldset className="mb-4">
        <legend className="h5">{t('cases.person.identityTitle')}</legend>
        <div className="row pt-3">
          <div className="col-md-6">
            <FormText name={name('surname')} label={t('cases.person.surname')} required autoComplete="off" />
          </div>
          <div className="col-md-6">
            <FormText name={name('givenNames')} label={t('cases.person.givenNames')} required autoComplete="off" />
          </div>
          <div className="col-md-6">
            <FormText name={name('birthDate')} type="date" label={t('cases.person.birthDate')} required />
          </div>
          <div className="col-md-6">
            <FormText
              name={name('codiceFiscale')}
              label={optional(t('cases.person.codiceFiscale'))}
              summaryLabel={t('cases.person.codiceFiscale')}
              maxLength={16}
              autoComplete="off"
            />
          </div>
          <div className="col-md-6">
            <FormText
              name={name('phone')}
              type="tel"
              label={optional(t('cases.person.phone'))}
              summaryLabel={t('cases.person.phone')}
              autoComplete="off"
            />
          </div>
          <div className="col-md-6">
            <FormText
              name={name('email')}
              type="email"
              label={optional(t('cases.person.email'))}
              summaryLabel={t('cases.person.email')}
              autoComplete="off"
            />
          </div>
          <div className="col-12">
            <FormText
              name={name('address')}
              label={optional(t('cases.person.address'))}
              summaryLabel={t('cases.person.address')}
              autoComplete="off"
            />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">{t('cases.person.profileTitle')}</legend>
        <div className="row pt-3">
          <div className="col-md-6">
            <FormSelect
              name={name('sex')}
              label={t('cases.person.sex')}
              required
              emptyOption={t('form.choose')}
              options={SEXES.map((s) => ({ value: s, label: t(`cases.sex.${s}`) }))}
            />
          </div>
          <div className="col-md-6">
            <FormSelect
              name={name('birthCountry')}
              label={t('cases.person.birthCountry')}
              required
              emptyOption={t('form.choose')}
              options={[...countries, { value: OTHER, label: t('cases.person.otherCountry') }]}
            />
          </div>
          {birthCountry === OTHER && (
            <div className="col-md-6">
              <FormText
                name={name('birthCountryOther')}
                label={t('cases.person.birthCountryOther')}
                required
                maxLength={2}
                pattern="[A-Za-z]{2}"
              />
            </div>
          )}
          <div className="col-md-6">
            <FormText
              name={name('nationalities')}
              label={t('cases.person.nationalities')}
              hint={t('cases.person.nationalitiesHint')}
              required
              autoComplete="off"
            />
          </div>
          <div className="col-md-6">
            <FormText
              name={name('languages')}
              label={optional(t('cases.person.languages'))}
              summaryLabel={t('cases.person.languages')}
              hint={t('cases.person.languagesHint')}
              autoComplete="off"
            />
          </div>
        </div>
      </fieldset>
    </>
  );
}
