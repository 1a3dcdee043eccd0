import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { FormSummary, FormText } from '../../components/SchemaFields';
import { FormTotpCode, totpCodeSchema } from '../../components/CredentialFields';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { isProblem } from '../../api/problem';
import { refreshCsrfToken } from '../../api/csrf';
import { meQueryKey, useMe } from '../../lib/session';
import { useProblemMessages } from '../../lib/problemMessages';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
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

const loginSchema = (t: TFunction) =>
  z
    .object({ step: z.custom<Step>(), email: z.string(), password: z.string(), totp: z.string() })
    .transform((v, ctx) => {
      // the credentials first; the code only when the server asks for it
      let ok = true;
      const problem = (path: string, message: string) => {
        ok = false;
        ctx.addIssue({ code: 'custom', path: [path], message });
      };
      const totp = v.totp.trim();
      if (v.step === 'credentials') {
        if (v.email.trim() === '') problem('email', t('fieldErrors.required'));
        if (v.password === '') problem('password', t('fieldErrors.required'));
      } else {
        const format = totpCodeSchema(t).safeParse(totp);
        if (!format.success) problem('totp', format.error.issues[0]?.message ?? t('login.totpFormat'));
      }
      if (!ok) return z.NEVER;
      return { email: v.email.trim(), password: v.password, ...(v.step === 'totp' ? { totp } : {}) };
    });

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me, isPending: mePending } = useMe();
  const { data: info } = useAuthInfo();
  const { messageOf } = useProblemMessages();
  // The password stays in this form's values only, for the second (TOTP) request.
  const form = useSchemaForm({
    schema: loginSchema,
    defaultValues: { step: 'credentials', email: '', password: '', totp: '' },
  });
  const step = useWatch({ control: form.methods.control, name: 'step' });
  const [submitting, setSubmitting] = useState(false);
  const { setFocus } = form.methods;

  useEffect(() => {
    if (step === 'totp') setFocus('totp');
  }, [step, setFocus]);

  if (mePending) return <Loading />;
  if (me !== undefined && me !== null && !submitting) return <Navigate to={targetOf(location.state)} replace />;

  const onSubmit = form.submit(async (body) => {
    setSubmitting(true);
    try {
      const session = await login(body);
      // The session changed, and the CSRF token is bound to it.
      await refreshCsrfToken().catch(() => undefined);
      form.methods.setValue('password', '');
      queryClient.setQueryData(meQueryKey, session);
      void navigate(session.mustEnrolTotp ? '/profilo' : targetOf(location.state), { replace: true });
    } catch (error) {
      if (isProblem(error, 'auth.totp_required')) {
        form.methods.setValue('step', 'totp');
      } else if (isProblem(error, 'auth.totp_invalid')) {
        form.show('totp', messageOf(error));
      } else if (isProblem(error, 'auth.locked') || isProblem(error, 'rate.limited')) {
        const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
        form.show(null, t('login.locked', { count: minutes }));
      } else {
        form.show(null, messageOf(error));
      }
    } finally {
      setSubmitting(false);
    }
  });

  const restart = () =>
    form.reset({ step: 'credentials', email: form.methods.getValues('email'), password: '', totp: '' });

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeader title={t('login.title')} lead={t('login.lead')} />
        <SchemaFormProvider form={form}>
          <FormSummary />
          <form noValidate onSubmit={onSubmit} className="mt-4">
            {step === 'credentials' ? (
              <>
                <FormText name="email" label={t('login.email')} type="email" autoComplete="username" required />
                <FormText
                  name="password"
                  label={t('login.password')}
                  type="password"
                  autoComplete="current-password"
                  required
                />
              </>
            ) : (
              <>
                <p id="totp-intro">{t('login.totpIntro', { email: form.methods.getValues('email').trim() })}</p>
                <FormTotpCode name="totp" />
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
        </SchemaFormProvider>
        {info?.demoMode === true && <DemoNotice />}
      </div>
    </div>
  );
}
