import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormSummary, FormText } from '../../components/SchemaFields';
import { FormTotpCode, totpCodeSchema } from '../../components/CredentialFields';
import { Loading } from '../../components/Loading';
import { isProblem } from '../../api/problem';
import { refreshCsrfToken } from '../../api/csrf';
import type { Me } from '../../api/models';
import { useProblemMessages } from '../../lib/problemMessages';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import { login } from './api/login';

type Step = 'credentials' | 'totp';

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

/**
 * Email, password and, when the account has one, the second factor's code: the login page's
 * form and the login in place when a session has ended (SessionEndedDialog).
 */
export function LoginForm({
  initialEmail = '',
  idPrefix = '',
  onLoggedIn,
  onSubmitting,
}: {
  initialEmail?: string;
  /** Prefix of the fields' ids, when another form with the same names may be on the page. */
  idPrefix?: string;
  onLoggedIn: (session: Me) => void;
  onSubmitting?: (submitting: boolean) => void;
}) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  // The password stays in this form's values only, for the second (TOTP) request.
  const form = useSchemaForm({
    schema: loginSchema,
    idPrefix,
    defaultValues: { step: 'credentials', email: initialEmail, password: '', totp: '' },
  });
  const step = useWatch({ control: form.methods.control, name: 'step' });
  const [submitting, setSubmitting] = useState(false);
  const { setFocus } = form.methods;

  useEffect(() => {
    if (step === 'totp') setFocus('totp');
  }, [step, setFocus]);

  const onSubmit = form.submit(async (body) => {
    setSubmitting(true);
    onSubmitting?.(true);
    try {
      const session = await login(body);
      // The session changed, and the CSRF token is bound to it.
      await refreshCsrfToken().catch(() => undefined);
      form.methods.setValue('password', '');
      onLoggedIn(session);
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
      onSubmitting?.(false);
    }
  });

  const restart = () =>
    form.reset({ step: 'credentials', email: form.methods.getValues('email'), password: '', totp: '' });

  return (
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
            <p id={`${idPrefix}totp-intro`}>
              {t('login.totpIntro', { email: form.methods.getValues('email').trim() })}
            </p>
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
  );
}
