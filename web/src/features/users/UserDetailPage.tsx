import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { FactsSection, type Fact } from '../../components/FactsSection';
import { FormSummary, FormText } from '../../components/SchemaFields';
import { FormNewPassword, newPasswordSchema } from '../../components/CredentialFields';
import { Alert } from '../../components/Alert';
import { useNotify } from '../../components/Notifications';
import { draftName } from '../../lib/drafts';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { useProblemMessages } from '../../lib/problemMessages';
import { SchemaFormProvider, requiredText, useSchemaForm } from '../../lib/schemaForm';
import type { Role, User } from '../../api/models';
import { useUser } from './api/get-user';
import { useUpdateUser } from './api/update-user';
import { useResetUserPassword } from './api/reset-user-password';
import { useResetUserTotp } from './api/reset-user-totp';
import { FormRoles } from './RolesFieldset';

function UserFacts({ user }: { user: User }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { dateTime } = useFormat();
  const facts: Fact[] = [
    [t('users.email'), user.email],
    [t('users.organisation'), <Link to={`/organizzazioni/${user.organisationId}`}>{user.organisationName}</Link>],
    [t('users.roles'), label.roles(user.roles)],
    [t('users.status'), t(`userStatus.${user.status}`)],
    [t('users.totp'), user.totpEnabled ? t('users.totpOn') : t('users.totpOff')],
    [
      t('users.mustChangePassword'),
      user.mustChangePassword ? t('users.mustChangePasswordYes') : t('users.mustChangePasswordNo'),
    ],
    [t('users.lastLoginAt'), user.lastLoginAt !== null ? dateTime(user.lastLoginAt) : t('users.never')],
    [t('users.createdAt'), dateTime(user.createdAt)],
  ];
  return <FactsSection id="user-facts" title={t('users.factsTitle')} facts={facts} />;
}

const editSchema = (t: TFunction) =>
  z.object({
    displayName: requiredText(t('fieldErrors.required')).transform((v) => v.trim()),
    roles: z.custom<Role[]>().refine((v) => v.length > 0, t('users.rolesRequired')),
  });

function EditForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateUser(user.id);
  const defaultValues = { displayName: user.displayName, roles: user.roles };
  const form = useSchemaForm({
    schema: editSchema,
    defaultValues,
    // a draft applies only to the account as it was when the typing began
    draft: draftName(`user-edit.${user.id}`, defaultValues),
  });

  const onSubmit = form.submit(async (body) => {
    const saved = await update.mutateAsync(body);
    notify(t('users.saved', { name: saved.displayName }));
  });

  return (
    <section aria-labelledby="user-edit" className="mb-5">
      <h2 id="user-edit">{t('users.editTitle')}</h2>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormText name="displayName" label={t('users.displayName')} required autoComplete="off" />
          <FormRoles organisationId={user.organisationId} />
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </form>
      </SchemaFormProvider>
    </section>
  );
}

/** Enabling/disabling asks for confirmation in place, because disabling ends the user's sessions. */
function StatusSection({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { messageOf } = useProblemMessages();
  const update = useUpdateUser(user.id);
  const [confirming, setConfirming] = useState(false);
  const disabling = user.status === 'active';

  const apply = () => {
    update.mutate(
      { status: disabling ? 'disabled' : 'active' },
      {
        onSuccess: (saved) => {
          setConfirming(false);
          notify(
            saved.status === 'disabled'
              ? t('users.disabled', { name: saved.displayName })
              : t('users.enabled', { name: saved.displayName }),
          );
        },
      },
    );
  };

  return (
    <section aria-labelledby="user-status" className="mb-5">
      <h2 id="user-status">{t('users.statusTitle')}</h2>
      <p>{disabling ? t('users.disableExplanation') : t('users.enableExplanation')}</p>
      {update.error !== null && (
        <Alert kind="danger" live="alert">
          {messageOf(update.error)}
        </Alert>
      )}
      {isSelf && disabling ? (
        <p className="text-muted">{t('users.cannotDisableSelf')}</p>
      ) : confirming ? (
        <div className="d-flex gap-3 flex-wrap align-items-center">
          <span>
            {disabling
              ? t('users.confirmDisable', { name: user.displayName })
              : t('users.confirmEnable', { name: user.displayName })}
          </span>
          <button type="button" className="btn btn-danger" onClick={apply} disabled={update.isPending}>
            {t('common.confirm')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={disabling ? 'btn btn-outline-danger' : 'btn btn-outline-primary'}
          onClick={() => setConfirming(true)}
        >
          {disabling ? t('users.disable') : t('users.enable')}
        </button>
      )}
    </section>
  );
}

const resetSchema = (t: TFunction) => z.object({ newPassword: newPasswordSchema(t) });

function ResetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const reset = useResetUserPassword(user.id);
  const form = useSchemaForm({ schema: resetSchema, defaultValues: { newPassword: '' } });

  const onSubmit = form.submit(async ({ newPassword }) => {
    await reset.mutateAsync(newPassword);
    form.reset();
    notify(t('users.passwordReset', { name: user.displayName }));
  });

  return (
    <section aria-labelledby="user-password" className="mb-5">
      <h2 id="user-password">{t('users.resetPasswordTitle')}</h2>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormNewPassword
            name="newPassword"
            label={t('users.newPassword')}
            hint={(min) => `${t('users.initialPasswordHint', { min })} ${t('users.firstLoginNotice')}`}
          />
          <button type="submit" className="btn btn-primary" disabled={reset.isPending}>
            {t('users.resetPasswordSubmit')}
          </button>
        </form>
      </SchemaFormProvider>
    </section>
  );
}

/** The administrator forgets a lost second factor; asks for confirmation in place (decision 0024). */
function ResetTotpSection({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { messageOf } = useProblemMessages();
  const reset = useResetUserTotp(user.id);
  const [confirming, setConfirming] = useState(false);

  const apply = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notify(t('users.totpResetDone', { name: user.displayName }));
      },
    });

  return (
    <section aria-labelledby="user-totp-reset" className="mb-5">
      <h2 id="user-totp-reset">{t('users.totpResetTitle')}</h2>
      <p>{t('users.totpResetExplanation')}</p>
      {reset.error !== null && (
        <Alert kind="danger" live="alert">
          {messageOf(reset.error)}
        </Alert>
      )}
      {isSelf ? (
        <p className="text-muted">{t('users.cannotResetOwnTotp')}</p>
      ) : confirming ? (
        <div className="d-flex gap-3 flex-wrap align-items-center">
          <span>{t('users.confirmTotpReset', { name: user.displayName })}</span>
          <button type="button" className="btn btn-danger" onClick={apply} disabled={reset.isPending}>
            {t('common.confirm')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)}>
          {t('users.totpReset')}
        </button>
      )}
    </section>
  );
}

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const record = useUser(id);
  const crumbs = [{ label: t('users.title'), to: '/utenti' }];

  if (record.isPending || record.error !== null) {
    return (
      <>
        <PageHeader title={record.isPending ? t('common.loading') : t('users.unavailable')} breadcrumbs={crumbs} />
        <RecordStatus query={record} />
      </>
    );
  }
  const user = record.data;
  return (
    <>
      <PageHeader title={user.displayName} breadcrumbs={crumbs} lead={user.organisationName}>
        {hasPermission(me, Permission.auditRead) && (
          <Link to={`/audit?actorUserId=${encodeURIComponent(user.id)}`}>{t('users.auditLink')}</Link>
        )}
      </PageHeader>
      <UserFacts user={user} />
      <EditForm key={`${user.displayName}|${user.roles.join(',')}`} user={user} />
      <StatusSection user={user} isSelf={user.id === me.user.id} />
      <ResetPasswordForm user={user} />
      <ResetTotpSection user={user} isSelf={user.id === me.user.id} />
    </>
  );
}
