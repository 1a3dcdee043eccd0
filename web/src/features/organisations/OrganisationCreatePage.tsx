import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { FormSelect, FormSummary, FormText, useSchemaField } from '../../components/SchemaFields';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { useNotify } from '../../components/Notifications';
import { ORGANISATION_TYPES, placeRuleOf } from '../../lib/domain';
import { useComuneChoices, useRegions } from '../../lib/lookups';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import type { OrganisationCreate } from '../../api/models';
import { useCreateOrganisation } from './api/create-organisation';
import { DetailsFields, detailsSchema } from './organisationDetails';

const ruleOf = (type: string) => {
  const valid = oneOf(type, ORGANISATION_TYPES);
  return valid === undefined ? 'none' : placeRuleOf(valid);
};

const organisationSchema = (t: TFunction) =>
  z
    .object({
      type: z.string(),
      name: z.string(),
      comuneIstat: z.custom<PickerOption | null>(),
      regionCode: z.string(),
      ...detailsSchema(t),
    })
    .transform((v, ctx): OrganisationCreate => {
      // where the organisation is (a Comune, a Regione, either or none) depends on its type
      const type = oneOf(v.type, ORGANISATION_TYPES);
      const rule = ruleOf(v.type);
      let ok = true;
      const problem = (path: string, message: string) => {
        ok = false;
        ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (type === undefined) problem('type', t('fieldErrors.required'));
      if (v.name.trim().length < 2) problem('name', t('fieldErrors.required'));
      if (rule === 'comune' && v.comuneIstat === null) problem('comuneIstat', t('organisations.comuneRequired'));
      if (rule === 'regione' && v.regionCode === '') problem('regionCode', t('fieldErrors.required'));
      if (!ok || type === undefined) return z.NEVER;
      const body: OrganisationCreate = { type, name: v.name.trim() };
      if (v.pec !== null) body.pec = v.pec;
      if (v.taxCode !== null) body.taxCode = v.taxCode;
      if (v.address !== null) body.address = v.address;
      if ((rule === 'comune' || rule === 'optional') && v.comuneIstat !== null) body.comuneIstat = v.comuneIstat.value;
      if ((rule === 'regione' || rule === 'optional') && v.regionCode !== '') body.regionCode = v.regionCode;
      return body;
    });

/** The organisation's Comune, searched by name; the chosen one is the field's value. */
function ComunePicker({ label, summaryLabel }: { label: string; summaryLabel: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { field, id, error } = useSchemaField({ name: 'comuneIstat', id: 'comuneIstat', summaryLabel }, label);
  const selected = field.value as PickerOption | null;
  const choices = useComuneChoices(selected === null ? text : '');
  return (
    <SearchPicker
      id={id}
      label={label}
      hint={t('organisations.comuneHint')}
      text={text}
      onTextChange={setText}
      options={choices.data?.items.map((c) => ({
        value: c.istatCode,
        label: c.name,
        description: `${c.provinceSigla}, ${c.regionName}`,
      }))}
      loading={choices.isFetching}
      selected={selected}
      onSelect={field.onChange}
      error={error}
    />
  );
}

export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const label = useLabels();
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreateOrganisation();
  const regions = useRegions();
  const form = useSchemaForm({
    schema: organisationSchema,
    defaultValues: { type: '', name: '', comuneIstat: null, regionCode: '', pec: '', taxCode: '', address: '' },
    draft: 'organisation-create',
  });
  const rule = ruleOf(useWatch({ control: form.methods.control, name: 'type' }));

  const onSubmit = form.submit(async (body) => {
    const created = await create.mutateAsync(body);
    const path = `/organizzazioni/${created.id}`;
    notify(t('organisations.created', { name: created.name }), { path });
    void navigate(path);
  });

  const optional = (label: string) => (rule === 'optional' ? `${label} ${t('form.optional')}` : label);

  return (
    <>
      <PageHeader
        title={t('organisations.createTitle')}
        breadcrumbs={[{ label: t('organisations.title'), to: '/organizzazioni' }]}
      />
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormSelect
            name="type"
            label={t('organisations.type')}
            required
            emptyOption={t('form.choose')}
            options={ORGANISATION_TYPES.map((v) => ({ value: v, label: label.organisationType(v) }))}
          />
          <FormText name="name" label={t('organisations.name')} required autoComplete="organization" />
          {(rule === 'comune' || rule === 'optional') && (
            <ComunePicker label={optional(t('organisations.comune'))} summaryLabel={t('organisations.comune')} />
          )}
          {(rule === 'regione' || rule === 'optional') && (
            <FormSelect
              name="regionCode"
              label={optional(t('comuni.region'))}
              summaryLabel={t('comuni.region')}
              required={rule === 'regione'}
              emptyOption={t('form.choose')}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          )}
          <DetailsFields />
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('organisations.createSubmit')}
          </button>
        </form>
      </SchemaFormProvider>
    </>
  );
}
