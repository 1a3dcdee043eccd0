/**
 * The fields of a person (holder or family member): identity data in their own fieldset, then
 * the pseudonymous profile (sex, birth country, citizenships, languages).
 */
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormField';
import type { PersonInput } from './api/types';
import { COMMON_COUNTRIES, SEXES } from './vocab';

export interface PersonDraft {
  surname: string;
  givenNames: string;
  birthDate: string;
  sex: string;
  birthCountry: string;
  birthCountryOther: string;
  nationalities: string;
  languages: string;
  codiceFiscale: string;
  phone: string;
  email: string;
  address: string;
}

export const emptyPerson: PersonDraft = {
  surname: '', givenNames: '', birthDate: '', sex: '', birthCountry: '', birthCountryOther: '', nationalities: '',
  languages: '', codiceFiscale: '', phone: '', email: '', address: '',
};

const OTHER = 'altro';
const codes = (text: string) => text.split(/[\s,;]+/).filter((c) => c !== '');

/** Field id of each person field inside a form, from the form's prefix. */
export const personIds = (prefix: string) => ({
  surname: `${prefix}surname`,
  givenNames: `${prefix}givenNames`,
  birthDate: `${prefix}birthDate`,
  sex: `${prefix}sex`,
  birthCountry: `${prefix}birthCountry`,
  birthCountryOther: `${prefix}birthCountryOther`,
  nationalities: `${prefix}nationalities`,
  languages: `${prefix}languages`,
  codiceFiscale: `${prefix}codiceFiscale`,
  phone: `${prefix}phone`,
  email: `${prefix}email`,
  address: `${prefix}address`,
});

/** API paths of a person (under `base`, e.g. 'holder') → field ids. */
export function personPaths(base: string, prefix: string): Record<string, string> {
  const id = personIds(prefix);
  return {
    [`${base}.identity.surname`]: id.surname,
    [`${base}.identity.givenNames`]: id.givenNames,
    [`${base}.identity.birthDate`]: id.birthDate,
    [`${base}.identity.codiceFiscale`]: id.codiceFiscale,
    [`${base}.identity.phone`]: id.phone,
    [`${base}.identity.email`]: id.email,
    [`${base}.identity.address`]: id.address,
    [`${base}.sex`]: id.sex,
    [`${base}.birthCountry`]: id.birthCountry,
    [`${base}.nationalities`]: id.nationalities,
    [`${base}.languages`]: id.languages,
  };
}

/** The labels of the person fields, for the error summary. */
export function usePersonLabels(prefix: string): Record<string, string> {
  const { t } = useTranslation();
  const id = personIds(prefix);
  return {
    [id.surname]: t('cases.person.surname'),
    [id.givenNames]: t('cases.person.givenNames'),
    [id.birthDate]: t('cases.person.birthDate'),
    [id.sex]: t('cases.person.sex'),
    [id.birthCountry]: t('cases.person.birthCountry'),
    [id.birthCountryOther]: t('cases.person.birthCountryOther'),
    [id.nationalities]: t('cases.person.nationalities'),
    [id.languages]: t('cases.person.languages'),
    [id.codiceFiscale]: t('cases.person.codiceFiscale'),
    [id.phone]: t('cases.person.phone'),
    [id.email]: t('cases.person.email'),
    [id.address]: t('cases.person.address'),
  };
}

/** Client checks (field id → message) and, when they pass, the API body. */
export function usePersonCheck(prefix: string) {
  const { t } = useTranslation();
  const id = personIds(prefix);
  return (d: PersonDraft): { checks: Record<string, string | undefined>; input: PersonInput | null } => {
    const required = (v: string) => (v.trim() === '' ? t('fieldErrors.required') : undefined);
    const country = d.birthCountry === OTHER ? d.birthCountryOther.trim().toUpperCase() : d.birthCountry;
    const nationalities = codes(d.nationalities.toUpperCase());
    const languages = codes(d.languages.toLowerCase());
    const sex = (SEXES as readonly string[]).includes(d.sex) ? (d.sex as PersonInput['sex']) : undefined;
    const checks: Record<string, string | undefined> = {
      [id.surname]: required(d.surname),
      [id.givenNames]: required(d.givenNames),
      [id.birthDate]: required(d.birthDate),
      [id.sex]: sex === undefined ? t('fieldErrors.required') : undefined,
      [id.birthCountry]: d.birthCountry === '' ? t('fieldErrors.required') : undefined,
      [id.birthCountryOther]:
        d.birthCountry === OTHER && !/^[A-Z]{2}$/.test(country) ? t('cases.person.countryCodeFormat') : undefined,
      [id.nationalities]:
        nationalities.length === 0
          ? t('fieldErrors.required')
          : nationalities.every((c) => /^[A-Z]{2}$/.test(c))
            ? undefined
            : t('cases.person.countryCodeFormat'),
      [id.languages]: languages.every((c) => /^[a-z]{2,3}$/.test(c)) ? undefined : t('cases.person.languageCodeFormat'),
    };
    const ok = Object.values(checks).every((m) => m === undefined);
    if (!ok || sex === undefined) return { checks, input: null };
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    return {
      checks,
      input: {
        identity: {
          surname: d.surname.trim(),
          givenNames: d.givenNames.trim(),
          birthDate: d.birthDate,
          codiceFiscale: orNull(d.codiceFiscale.toUpperCase()),
          phone: orNull(d.phone),
          email: orNull(d.email),
          address: orNull(d.address),
        },
        sex,
        birthCountry: country,
        nationalities,
        languages,
      },
    };
  };
}

interface PersonFieldsProps {
  prefix: string;
  value: PersonDraft;
  onChange: (next: PersonDraft) => void;
  errors: Record<string, string>;
}

export function PersonFields({ prefix, value, onChange, errors }: PersonFieldsProps) {
  const { t } = useTranslation();
  const id = personIds(prefix);
  const set = (key: keyof PersonDraft) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const optional = (label: string) => `${label} ${t('cases.common.optional')}`;
  const countries = COMMON_COUNTRIES.map((c) => ({ value: c, label: `${t(`cases.countries.${c}`)} (${c})` }));

  return (
    <>
      <fieldset className="mb-4">
        <legend className="h5">{t('cases.person.identityTitle')}</legend>
        <div className="row pt-3">
          <div className="col-md-6">
            <TextField id={id.surname} label={t('cases.person.surname')} required value={value.surname} onChange={set('surname')} error={errors[id.surname]} autoComplete="off" />
          </div>
          <div className="col-md-6">
            <TextField id={id.givenNames} label={t('cases.person.givenNames')} required value={value.givenNames} onChange={set('givenNames')} error={errors[id.givenNames]} autoComplete="off" />
          </div>
          <div className="col-md-6">
            <TextField id={id.birthDate} type="date" label={t('cases.person.birthDate')} required value={value.birthDate} onChange={set('birthDate')} error={errors[id.birthDate]} />
          </div>
          <div className="col-md-6">
            <TextField id={id.codiceFiscale} label={optional(t('cases.person.codiceFiscale'))} value={value.codiceFiscale} onChange={set('codiceFiscale')} error={errors[id.codiceFiscale]} maxLength={16} autoComplete="off" />
          </div>
          <div className="col-md-6">
            <TextField id={id.phone} type="tel" label={optional(t('cases.person.phone'))} value={value.phone} onChange={set('phone')} error={errors[id.phone]} autoComplete="off" />
          </div>
          <div className="col-md-6">
            <TextField id={id.email} type="email" label={optional(t('cases.person.email'))} value={value.email} onChange={set('email')} error={errors[id.email]} autoComplete="off" />
          </div>
          <div className="col-12">
            <TextField id={id.address} label={optional(t('cases.person.address'))} value={value.address} onChange={set('address')} error={errors[id.address]} autoComplete="off" />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">{t('cases.person.profileTitle')}</legend>
        <div className="row pt-3">
          <div className="col-md-6">
            <SelectField
              id={id.sex}
              label={t('cases.person.sex')}
              required
              emptyOption={t('form.choose')}
              value={value.sex}
              onChange={set('sex')}
              options={SEXES.map((s) => ({ value: s, label: t(`cases.sex.${s}`) }))}
              error={errors[id.sex]}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id={id.birthCountry}
              label={t('cases.person.birthCountry')}
              required
              emptyOption={t('form.choose')}
              value={value.birthCountry}
              onChange={set('birthCountry')}
              options={[...countries, { value: OTHER, label: t('cases.person.otherCountry') }]}
              error={errors[id.birthCountry]}
            />
          </div>
          {value.birthCountry === OTHER && (
            <div className="col-md-6">
              <TextField id={id.birthCountryOther} label={t('cases.person.birthCountryOther')} required value={value.birthCountryOther} onChange={set('birthCountryOther')} error={errors[id.birthCountryOther]} maxLength={2} pattern="[A-Za-z]{2}" />
            </div>
          )}
          <div className="col-md-6">
            <TextField id={id.nationalities} label={t('cases.person.nationalities')} hint={t('cases.person.nationalitiesHint')} required value={value.nationalities} onChange={set('nationalities')} error={errors[id.nationalities]} autoComplete="off" />
          </div>
          <div className="col-md-6">
            <TextField id={id.languages} label={optional(t('cases.person.languages'))} hint={t('cases.person.languagesHint')} value={value.languages} onChange={set('languages')} error={errors[id.languages]} autoComplete="off" />
          </div>
        </div>
      </fieldset>
    </>
  );
}
