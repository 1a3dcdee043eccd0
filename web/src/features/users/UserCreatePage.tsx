import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { NewPasswordField, useCredentialChecks } from '../../components/CredentialFields';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { useNotify } from '../../components/Notifications';
import { Loading } from '../../components/Loading';
import { useOrganisationChoices, useOrganisationSummary } from '../../lib/lookups';
import { useFormErrors } from '../../lib/useFormErrors';
import type { Role } from '../../api/models';
import { useCreateUser } from './api/create-user';
import { RolesFieldset } from './RolesFieldset';

const FIELDS = ['email', 'displayName', 'organisationId', 'roles', 'password'] as const;

function UserCreateForm({ initialOrganisation }: { initialOrganisation: PickerOption | null }) {
  const { t } = useTranslation();
  const label = useLabels();
  const navigate = useNavigate();
  const notify = useNotify();
  const checks = useCredentialChecks();
  const form = useFormErrors();
  const create = useCreateUser();

  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [orgText, setOrgText] = useState('');
  const [organisation, setOrganisation] = useState<PickerOption | null>(initialOrganisation);
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const choices = useOrganisationChoices(organisation === null ? orgText : '');

  const labels = {
    email: t('users.email'),
    displayName: t('users.displayName'),
    organisationId: t('users.organisation'),
    roles: t('users.roles'),
    password: t('users.initialPassword'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      email: /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? undefined : t('fieldErrors.email'),
      displayName: displayName.trim() === '' ? t('fieldErrors.required') : undefined,
      organisationId: organisation === null ? t('users.organisationRequired') : undefined,
      roles: roles.length === 0 ? t('users.rolesRequired') : undefined,
      password: checks.newPassword(password),
    });
    if (!valid || organisation === null) return;
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), organisationId: organisation.value, roles, password },
      {
        onSuccess: (user) => {
          const path = `/utenti/${user.id}`;
          notify(t('users.created', { name: user.displayName }), { path });
          void navigate(path);
        },
        onError: (error) => form.fail(error, FIELDS),
      },
    );
  };

  return (
    <>
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <TextField
          id="email"
          label={labels.email}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.errors.email}
        />
        <TextField
          id="displayName"
          label={labels.displayName}
          autoComplete="off"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={form.errors.displayName}
        />
        <SearchPicker
          id="organisationId"
          label={labels.organisationId}
          hint={t('users.organisationHint')}
          text={orgText}
          onTextChange={setOrgText}
          options={choices.data?.items.map((o) => ({
            value: o.id,
            label: o.name,
            description: label.organisationType(o.type),
          }))}
          loading={choices.isFetching}
          selected={organisation}
          onSelect={setOrganisation}
          error={form.errors.organisationId}
        />
        <RolesFieldset value={roles} onChange={setRoles} error={form.errors.roles} />
        <NewPasswordField
          id="password"
          label={labels.password}
          hint={(min) => t('users.initialPasswordHint', { min })}
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('users.createSubmit')}
        </button>
      </form>
    </>
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
