import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { Alert } from '../../components/Alert';
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
      {me.mustEnrolTotp && (
        <Alert kind="warning">
          <h2 className="h5">{t('profile.mustEnrolTitle')}</h2>
          <p className="mb-0">{t('profile.mustEnrolText')}</p>
        </Alert>
      )}
      <section aria-labelledby="account-title" className="mb-5">
        <h2 id="account-title">{t('profile.accountTitle')}</h2>
        <dl className="row incas-facts">
          <div className="col-sm-6 col-lg-4 mb-3">
            <dt>{t('users.email')}</dt>
            <dd className="mb-0">{me.user.email}</dd>
          </div>
          <div className="col-sm-6 col-lg-4 mb-3">
            <dt>{t('users.organisation')}</dt>
            <dd className="mb-0">{me.organisation.name}</dd>
          </div>
          <div className="col-sm-6 col-lg-4 mb-3">
            <dt>{t('users.roles')}</dt>
            <dd className="mb-0">{label.roles(me.roles)}</dd>
          </div>
        </dl>
      </section>
      {/* Enrolment first when it is what blocks the user; otherwise the password comes first. */}
      {me.mustEnrolTotp ? (
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
