import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { Alert } from '../../components/Alert';
import { FactsSection } from '../../components/FactsSection';
import { useSession } from '../../lib/session';
import { PasswordForm } from './PasswordForm';
import { TotpSection } from './TotpSection';

export function ProfilePage() {
  const { t } = useTranslation();
  const label = useLabels();
  const me = useSession();

  return (
    <>
      <PageHeader title={t('profile.title')} lead={me.user.displayName} />
      {me.mustChangePassword && (
        <Alert kind="warning">
          <h2 className="h5">{t('profile.mustChangeTitle')}</h2>
          <p className="mb-0">{t('profile.mustChangeText')}</p>
        </Alert>
      )}
      {me.mustEnrolTotp && !me.mustChangePassword && (
        <Alert kind="warning">
          <h2 className="h5">{t('profile.mustEnrolTitle')}</h2>
          <p className="mb-0">{t('profile.mustEnrolText')}</p>
        </Alert>
      )}
      <FactsSection
        id="account-title"
        title={t('profile.accountTitle')}
        facts={[
          [t('users.email'), me.user.email],
          [t('users.organisation'), me.organisation.name],
          [t('users.roles'), label.roles(me.roles)],
        ]}
      />
      <section aria-labelledby="permissions-title" className="mb-5">
        <h2 id="permissions-title">{t('profile.permissionsTitle')}</h2>
        <p>{t('profile.permissionsIntro')}</p>
        <ul>
          {me.permissions.map((p) => (
            <li key={p}>{label.permission(p)}</li>
          ))}
        </ul>
      </section>
      {/* Enrolment first when it is what blocks the user; otherwise the password comes first. */}
      {me.mustEnrolTotp && !me.mustChangePassword ? (
        <>
          <TotpSection enabled={me.user.totpEnabled} />
          <PasswordForm />
        </>
      ) : (
        <>
          <PasswordForm />
          <TotpSection enabled={me.user.totpEnabled} />
        </>
      )}
    </>
  );
}
