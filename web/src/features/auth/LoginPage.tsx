import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/FormField';
import { TotpCodeField, useCredentialChecks } from '../../components/CredentialFields';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { isProblem } from '../../api/problem';
import { refreshCsrfToken } from '../../api/csrf';
import { meQueryKey, useMe } from '../../lib/session';
import { useProblemMessages } from '../../lib/problemMessages';
import { useFormErrors } from '../../lib/useFormErrors';
import { useAuthInfo } from './api/get-auth-info';
import { login } from './api/login';

// Shown only when the server says it runs in demo mode; these accounts exist only there.
const DEMO_PASSWORD = 'demo-incas-2026';
const DEMO_ACCOUNTS = [
  'operatore.catania@demo.incas.local',
  'referente.milano@demo.incas.local',
  'regione.sicilia@demo.incas.local',
  'mlps@demo.incas.local',
  'admin@demo.incas.local',
];

type Step = 'credentials' | 'totp';

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
  const { messageOf } = useProblemMessages();
  const checks = useCredentialChecks();
  const form = useFormErrors();

  const [step, setStep] = useState<Step>('credentials');
  const [email, setEmail] = useState('');
  // The password stays in this component's state only, for the second (TOTP) request.
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (step === 'totp') totpRef.current?.focus();
  }, [step]);

  if (mePending) return <Loading />;
  if (me !== undefined && me !== null && !submitting) return <Navigate to={targetOf(location.state)} replace />;

  const labels = { email: t('login.email'), password: t('login.password'), totp: t('login.totp') };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check(
      step === 'credentials'
        ? {
            email: email.trim() === '' ? t('fieldErrors.required') : undefined,
            password: password === '' ? t('fieldErrors.required') : undefined,
          }
        : { totp: checks.totpCode(totp.trim()) },
    );
    if (!valid) return;

    setSubmitting(true);
    try {
      const session = await login({
        email: email.trim(),
        password,
        ...(step === 'totp' ? { totp: totp.trim() } : {}),
      });
      // The session changed, and the CSRF token is bound to it.
      await refreshCsrfToken().catch(() => undefined);
      setPassword('');
      queryClient.setQueryData(meQueryKey, session);
      void navigate(session.mustEnrolTotp ? '/profilo' : targetOf(location.state), { replace: true });
    } catch (error) {
      if (isProblem(error, 'auth.totp_required')) {
        setStep('totp');
      } else if (isProblem(error, 'auth.totp_invalid')) {
        form.show({ totp: messageOf(error) });
      } else if (isProblem(error, 'auth.locked') || isProblem(error, 'rate.limited')) {
        const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
        form.show({}, t('login.locked', { count: minutes }));
      } else {
        form.show({}, messageOf(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const restart = () => {
    setStep('credentials');
    setTotp('');
    setPassword('');
    form.show({});
  };

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeader title={t('login.title')} lead={t('login.lead')} />
        <FormErrorSummary {...form.summary} labels={labels} />
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="mt-4">
          {step === 'credentials' ? (
            <>
              <TextField
                id="email"
                label={t('login.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={form.errors.email}
              />
              <TextField
                id="password"
                label={t('login.password')}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                error={form.errors.password}
              />
            </>
          ) : (
            <>
              <p id="totp-intro">{t('login.totpIntro', { email: email.trim() })}</p>
              <TotpCodeField ref={totpRef} id="totp" value={totp} onChange={setTotp} error={form.errors.totp} />
            </>
          )}
          <div className="d-flex gap-3 flex-wrap">
            <button type="submit" className="btn btn-primary" disabled={submitting}>
              {t('login.submit')}
            </button>
            {step === 'totp' && (
              <button type="button" className="btn btn-outline-primary" onClick={restart}>
                {t('login.back')}
              </button>
            )}
          </div>
          {submitting && <Loading label={t('login.submitting')} />}
        </form>
        {info?.demoMode === true && <DemoNotice />}
      </div>
    </div>
  );
}
