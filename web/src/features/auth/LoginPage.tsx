import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { announceToOtherTabs, clearSessionEnded, meQueryKey, useMe } from '../../lib/session';
import { clearDrafts } from '../../lib/drafts';
import { useAuthInfo } from './api/get-auth-info';
import { LoginForm } from './LoginForm';

// Shown only when the server says it runs in demo mode; these accounts exist only there.
const DEMO_PASSWORD = 'demo-incas-2026';
const DEMO_ACCOUNTS = [
  'operatore.catania@demo.incas.local',
  'referente.milano@demo.incas.local',
  'regione.sicilia@demo.incas.local',
  'mlps@demo.incas.local',
  'admin@demo.incas.local',
];

/** Where to go after login: the page that sent the user here, never another origin. */
function targetOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from?: Partial<Location> }).from;
    if (from?.pathname !== undefined && from.pathname.startsWith('/') && from.pathname !== '/login') {
      return `${from.pathname}${from.search ?? ''}`;
    }
  }
  return '/';
}

function DemoNotice() {
  const { t } = useTranslation();
  return (
    <Alert kind="info" className="mt-4">
      <h2 className="h5">{t('login.demoTitle')}</h2>
      <p className="mb-2">
        <Trans i18nKey="login.demoText" values={{ password: DEMO_PASSWORD }} components={{ code: <code /> }} />
      </p>
      <ul className="mb-0">
        {DEMO_ACCOUNTS.map((email) => (
          <li key={email}>
            <code>{email}</code>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me, isPending: mePending } = useMe();
  const { data: info } = useAuthInfo();
  const [submitting, setSubmitting] = useState(false);

  if (mePending) return <Loading />;
  if (me !== undefined && me !== null && !submitting) return <Navigate to={targetOf(location.state)} replace />;

  const onLoggedIn = (session: NonNullable<typeof me>) => {
    // drafts of another user in this tab are not this one's to see
    clearDrafts(session.user.id);
    clearSessionEnded();
    queryClient.setQueryData(meQueryKey, session);
    announceToOtherTabs({ type: 'login', userId: session.user.id });
    const due = session.mustChangePassword || session.mustEnrolTotp;
    void navigate(due ? '/profilo' : targetOf(location.state), { replace: true });
  };

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeader title={t('login.title')} lead={t('login.lead')} />
        <LoginForm onLoggedIn={onLoggedIn} onSubmitting={setSubmitting} />
        {info?.demoMode === true && <DemoNotice />}
        <p className="mt-4">
          {t('login.openData')} <Link to="/dati-aperti">{t('login.openDataLink')}</Link>
        </p>
      </div>
    </div>
  );
}
