/**
 * The fields of a person (holder or family member): identity data in their own fieldset, then
 * the pseudonymous profile (sex, birth country, citizenships, languages).
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormSelect, FormText, useSchemaField } from '../../components/SchemaFields';
import { ListPicker, MultiListPicker } from '../../components/ListPicker';
import { useWorld } from '../../lib/world';
import { oneOfField, requiredText } from '../../lib/schemaForm';
import type { PersonInput } from './api/types';
import { SEXES } from './vocab';

/** A person as typed in the form: countries and languages are codes chosen by name in the pickers. */
export const emptyPerson = {
  surname: '',
  givenNames: '',
  birthDate: '',
  sex: '',
  birthCountry: '',
  nationalities: [] as string[],
  languages: [] as string[],
  codiceFiscale: '',
  phone: '',
  email: '',
  address: '',
};

/** The person's checks, and the API body they turn into (blank optional identity fields become null). */
export function personSchema(t: TFunction) {
  const required = t('fieldErrors.required');
  return z
    .object({
      surname: requiredText(required),
      givenNames: requiredText(required),
      birthDate: requiredText(required),
      sex: oneOfField(SEXES, required),
      birthCountry: requiredText(required),
      nationalities: z.array(z.string()).min(1, required).max(4),
      languages: z.array(z.string()).max(10),
      codiceFiscale: z.string(),
      phone: z.string(),
      email: z.string(),
      address: z.string(),
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
        birthCountry: d.birthCountry,
        nationalities: d.nationalities,
        languages: d.languages,
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
  const name = (key: keyof typeof emptyPerson) => `${base}.${key}`;
  const optional = (label: string) => `${label} ${t('cases.common.optional')}`;

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
            <CountryField name={name('birthCountry')} />
          </div>
          <div className="col-md-6">
            <CodesField
              name={name('nationalities')}
              label={t('cases.person.nationalities')}
              hint={t('cases.person.nationalitiesHint')}
              kind="citizenship"
            />
          </div>
          <div className="col-md-6">
            <CodesField
              name={name('languages')}
              label={optional(t('cases.person.languages'))}
              summaryLabel={t('cases.person.languages')}
              hint={t('cases.person.languagesHint')}
              kind="language"
            />
          </div>
        </div>
      </fieldset>
    </>
  );
}

/** The birth country, chosen by name. */
function CountryField({ name }: { name: string }) {
  const { t } = useTranslation();
  const world = useWorld();
  const label = t('cases.person.birthCountry');
  const { field, id, error } = useSchemaField({ name }, label);
  return (
    <ListPicker
      id={id}
      label={label}
      hint={t('cases.person.birthCountryHint')}
      error={error}
      search={world.searchCountries}
      nameOf={world.country}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
    />
  );
}

/** Citizenships or languages, chosen by name, several. */
function CodesField(props: {
  name: string;
  label: string;
  summaryLabel?: string;
  hint: string;
  kind: 'citizenship' | 'language';
}) {
  const world = useWorld();
  const { field, id, error } = useSchemaField({ name: props.name, summaryLabel: props.summaryLabel }, props.label);
  const citizenship = props.kind === 'citizenship';
  return (
    <MultiListPicker
      id={id}
      label={props.label}
      hint={props.hint}
      error={error}
      search={citizenship ? world.searchCitizenships : world.searchLanguages}
      nameOf={citizenship ? world.country : world.language}
      values={Array.isArray(field.value) ? (field.value as string[]) : []}
      onChange={field.onChange}
      max={citizenship ? 4 : 10}
    />
  );
}
