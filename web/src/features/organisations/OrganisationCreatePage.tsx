import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { SelectField, TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { useNotify } from '../../components/Notifications';
import { ORGANISATION_TYPES, placeRuleOf } from '../../lib/domain';
import { useComuneChoices, useRegions } from '../../lib/lookups';
import { oneOf } from '../../lib/listParams';
import { useFormErrors } from '../../lib/useFormErrors';
import type { OrganisationCreate } from '../../api/models';
import { useCreateOrganisation } from './api/create-organisation';

const FIELDS = ['type', 'name', 'comuneIstat', 'regionCode'] as const;

export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const label = useLabels();
  const navigate = useNavigate();
  const notify = useNotify();
  const form = useFormErrors();
  const create = useCreateOrganisation();
  const regions = useRegions();

  const [type, setType] = useState('');
  const [name, setName] = useState('');
  const [comuneText, setComuneText] = useState('');
  const [comune, setComune] = useState<PickerOption | null>(null);
  const [regionCode, setRegionCode] = useState('');
  const comuneChoices = useComuneChoices(comune === null ? comuneText : '');

  const validType = oneOf(type, ORGANISATION_TYPES);
  const rule = validType === undefined ? 'none' : placeRuleOf(validType);
  const labels = {
    type: t('organisations.type'),
    name: t('organisations.name'),
    comuneIstat: t('organisations.comune'),
    regionCode: t('comuni.region'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      type: validType === undefined ? t('fieldErrors.required') : undefined,
      name: name.trim().length < 2 ? t('fieldErrors.required') : undefined,
      comuneIstat: rule === 'comune' && comune === null ? t('organisations.comuneRequired') : undefined,
      regionCode: rule === 'regione' && regionCode === '' ? t('fieldErrors.required') : undefined,
    });
    if (!valid || validType === undefined) return;

    const body: OrganisationCreate = { type: validType, name: name.trim() };
    if ((rule === 'comune' || rule === 'optional') && comune !== null) body.comuneIstat = comune.value;
    if ((rule === 'regione' || rule === 'optional') && regionCode !== '') body.regionCode = regionCode;
    create.mutate(body, {
      onSuccess: (created) => {
        const path = `/organizzazioni/${created.id}`;
        notify(t('organisations.created', { name: created.name }), { path });
        void navigate(path);
      },
      onError: (error) => form.fail(error, FIELDS),
    });
  };

  const optional = (label: string) => (rule === 'optional' ? `${label} ${t('form.optional')}` : label);

  return (
    <>
      <PageHeader
        title={t('organisations.createTitle')}
        breadcrumbs={[{ label: t('organisations.title'), to: '/organizzazioni' }]}
      />
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <SelectField
          id="type"
          label={labels.type}
          required
          emptyOption={t('form.choose')}
          value={type}
          onChange={(e) => setType(e.target.value)}
          options={ORGANISATION_TYPES.map((v) => ({ value: v, label: label.organisationType(v) }))}
          error={form.errors.type}
        />
        <TextField
          id="name"
          label={labels.name}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.name}
          autoComplete="organization"
        />
        {(rule === 'comune' || rule === 'optional') && (
          <SearchPicker
            id="comuneIstat"
            label={optional(labels.comuneIstat)}
            hint={t('organisations.comuneHint')}
            text={comuneText}
            onTextChange={setComuneText}
            options={comuneChoices.data?.items.map((c) => ({
              value: c.istatCode,
              label: c.name,
              description: `${c.provinceSigla}, ${c.regionName}`,
            }))}
            loading={comuneChoices.isFetching}
            selected={comune}
            onSelect={setComune}
            error={form.errors.comuneIstat}
          />
        )}
        {(rule === 'regione' || rule === 'optional') && (
          <SelectField
            id="regionCode"
            label={optional(labels.regionCode)}
            required={rule === 'regione'}
            emptyOption={t('form.choose')}
            value={regionCode}
            onChange={(e) => setRegionCode(e.target.value)}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            error={form.errors.regionCode}
          />
        )}
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('organisations.createSubmit')}
        </button>
      </form>
    </>
  );
}
