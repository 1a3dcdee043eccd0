import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { useNotify } from '../../components/Notifications';
import { Loading } from '../../components/Loading';
import { PASSWORD_MIN_LENGTH } from '../../lib/domain';
import { useOrganisationChoices, useOrganisationSummary } from '../../lib/lookups';
import { useProblemMessages } from '../../lib/problemMessages';
import type { Role } from '../../api/models';
import { useCreateUser } from './api/create-user';
import { RolesFieldset } from './RolesFieldset';

const FIELDS = ['email', 'displayName', 'organisationId', 'roles', 'password'] as const;

function UserCreateForm({ initialOrganisation }: { initialOrganisation: PickerOption | null }) {
  const { t } = useTranslation();
  const label = useLabels();
  const navigate = useNavigate();
  const notify = useNotify();
  const { formProblemsOf } = useProblemMessages();
  const create = useCreateUser();

  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [orgText, setOrgText] = useState('');
  const [organisation, setOrganisation] = useState<PickerOption | null>(initialOrganisation);
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const choices = useOrganisationChoices(organisation === null ? orgText : '');

  const labels = {
    email: t('users.email'),
    displayName: t('users.displayName'),
    organisationId: t('users.organisation'),
    roles: t('users.roles'),
    password: t('users.initialPassword'),
  };

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = t('fieldErrors.email');
    if (displayName.trim() === '') found.displayName = t('fieldErrors.required');
    if (organisation === null) found.organisationId = t('users.organisationRequired');
    if (roles.length === 0) found.roles = t('users.rolesRequired');
    if (password.length < PASSWORD_MIN_LENGTH) found.password = t('fieldErrors.passwordLength', { min: PASSWORD_MIN_LENGTH });
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = validate();
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0 || organisation === null) return;
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), organisationId: organisation.value, roles, password },
      {
        onSuccess: (user) => {
          const path = `/utenti/${user.id}`;
          notify(t('users.created', { name: user.displayName }), { path });
          void navigate(path);
        },
        onError: (error) => {
          const problems = formProblemsOf(error, FIELDS);
          setErrors(problems.fields);
          setGeneral(problems.general);
        },
      },
    );
  };

  return (
    <>
      <FormErrorSummary fieldErrors={errors} labels={labels} general={general} attempt={attempt} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <TextField
          id="email"
          label={labels.email}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          id="displayName"
          label={labels.displayName}
          autoComplete="off"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
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
          error={errors.organisationId}
        />
        <RolesFieldset value={roles} onChange={setRoles} error={errors.roles} />
        <TextField
          id="password"
          label={labels.password}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={t('users.initialPasswordHint', { min: PASSWORD_MIN_LENGTH })}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
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
