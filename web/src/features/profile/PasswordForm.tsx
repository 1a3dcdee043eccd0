import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import { useProblemMessages } from '../../lib/problemMessages';
import { PASSWORD_MIN_LENGTH } from '../../lib/domain';
import { isProblem } from '../../api/problem';
import { useChangePassword } from './api/change-password';

const passwordSchema = (t: TFunction) =>
  z
    .object({
      currentPassword: z.string().min(1, t('fieldErrors.required')),
      newPassword: z.string().min(PASSWORD_MIN_LENGTH, t('fieldErrors.passwordLength', { min: PASSWORD_MIN_LENGTH })),
      confirmPassword: z.string(),
    })
    .refine((v) => v.confirmPassword === v.newPassword, {
      message: t('profile.passwordsDiffer'),
      path: ['confirmPassword'],
      when: () => true,
    })
    .transform(({ currentPassword, newPassword }) => ({ currentPassword, newPassword }));

export function PasswordForm() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { messageOf } = useProblemMessages();
  const change = useChangePassword();
  const form = useSchemaForm({
    schema: passwordSchema,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = form.submit(async (body) => {
    try {
      await change.mutateAsync(body);
    } catch (error) {
      if (isProblem(error, 'auth.wrong_password')) return form.show('currentPassword', messageOf(error));
      throw error;
    }
    form.reset();
    notify(t('profile.passwordChanged'));
  });

  return (
    <section aria-labelledby="password-title" className="mb-5">
      <h2 id="password-title">{t('profile.passwordTitle')}</h2>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormText
            name="currentPassword"
            label={t('profile.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
          />
          <FormText
            name="newPassword"
            label={t('profile.newPassword')}
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            hint={t('profile.newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
          />
          <FormText
            name="confirmPassword"
            label={t('profile.confirmPassword')}
            type="password"
            autoComplete="new-password"
            required
          />
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {t('profile.changePassword')}
          </button>
        </form>
      </SchemaFormProvider>
    </section>
  );
}
