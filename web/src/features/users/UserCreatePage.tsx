import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { FormSummary, FormText, useSchemaField } from '../../components/SchemaFields';
import { FormNewPassword, newPasswordSchema } from '../../components/CredentialFields';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { useNotify } from '../../components/Notifications';
import { Loading } from '../../components/Loading';
import { useOrganisationChoices, useOrganisationSummary } from '../../lib/lookups';
import { SchemaFormProvider, requiredText, useSchemaForm } from '../../lib/schemaForm';
import type { Role } from '../../api/models';
import { useCreateUser } from './api/create-user';
import { FormRoles } from './RolesFieldset';
import { useAllowedRoles } from './api/get-allowed-roles';

const userSchema = (t: TFunction) =>
  z.object({
    email: z
      .string()
      .refine((v) => /^[^\s@]+@[^\s@]+$/.test(v.trim()), t('fieldErrors.email'))
      .transform((v) => v.trim()),
    displayName: requiredText(t('fieldErrors.required')).transform((v) => v.trim()),
    organisationId: z
      .custom<PickerOption | null>()
      .refine((v) => v !== null, t('users.organisationRequired'))
      .transform((v) => v.value),
    roles: z.custom<Role[]>().refine((v) => v.length > 0, t('users.rolesRequired')),
    password: newPasswordSchema(t),
  });

/** The organisation, searched by name; the chosen one is the field's value. */
function OrganisationPicker() {
  const { t } = useTranslation();
  const label = useLabels();
  const [text, setText] = useState('');
  const { field, id, error } = useSchemaField(
    { name: 'organisationId', id: 'organisationId' },
    t('users.organisation'),
  );
  const selected = field.value as PickerOption | null;
  const choices = useOrganisationChoices(selected === null ? text : '');
  return (
    <SearchPicker
      id={id}
      label={t('users.organisation')}
      hint={t('users.organisationHint')}
      text={text}
      onTextChange={setText}
      options={choices.data?.items.map((o) => ({
        value: o.id,
        label: o.name,
        description: label.organisationType(o.type),
      }))}
      loading={choices.isFetching}
      selected={selected}
      onSelect={field.onChange}
      error={error}
    />
  );
}

function UserCreateForm({ initialOrganisation }: { initialOrganisation: PickerOption | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreateUser();
  const form = useSchemaForm({
    schema: userSchema,
    defaultValues: { email: '', displayName: '', organisationId: initialOrganisation, roles: [], password: '' },
    // the password is never kept (lib/drafts)
    draft: 'user-create',
  });

  // a role the newly chosen organisation cannot hold is unticked (the picker no longer offers it)
  const organisation = useWatch({ control: form.methods.control, name: 'organisationId' });
  const organisationId = organisation?.value ?? null;
  const allowed = useAllowedRoles(organisationId);
  const { getValues, setValue } = form.methods;
  useEffect(() => {
    if (allowed.data === undefined) return;
    const roles = getValues('roles');
    const kept = roles.filter((r) => allowed.data.roles.includes(r));
    if (kept.length !== roles.length) setValue('roles', kept);
  }, [allowed.data, getValues, setValue]);

  const onSubmit = form.submit(async (body) => {
    const user = await create.mutateAsync(body);
    const path = `/utenti/${user.id}`;
    notify(t('users.created', { name: user.displayName }), { path });
    void navigate(path);
  });

  return (
    <SchemaFormProvider form={form}>
      <FormSummary />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <FormText name="email" label={t('users.email')} type="email" autoComplete="off" required />
        <FormText name="displayName" label={t('users.displayName')} autoComplete="off" required />
        <OrganisationPicker />
        <FormRoles organisationId={organisationId} />
        <FormNewPassword
          name="password"
          label={t('users.initialPassword')}
          hint={(min) => `${t('users.initialPasswordHint', { min })} ${t('users.firstLoginNotice')}`}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('users.createSubmit')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}

export function UserCreatePage() {
  const { t } = useTranslation();
  const label = useLabels();
  const [params] = useSearchParams();
  const organisationId = params.get('organisationId') ?? '';
  const organisation = useOrganisationSummary(organisationId);

  return (
    <>
      <PageHeader title={t('users.createTitle')} breadcrumbs={[{ label: t('users.title'), to: '/utenti' }]} />
      {organisationId !== '' && organisation.isPending ? (
        <Loading />
      ) : (
        <UserCreateForm
          initialOrganisation={
            organisation.data !== undefined
              ? {
                  value: organisation.data.id,
                  label: organisation.data.name,
                  description: label.organisationType(organisation.data.type),
                }
              : null
          }
        />
      )}
    </>
  );
}
