import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/FormField';
import { NewPasswordField, useCredentialChecks } from '../../components/CredentialFields';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { useFormErrors } from '../../lib/useFormErrors';
import { useProblemMessages } from '../../lib/problemMessages';
import { isProblem } from '../../api/problem';
import { useChangePassword } from './api/change-password';

export function PasswordForm() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { messageOf } = useProblemMessages();
  const checks = useCredentialChecks();
  const form = useFormErrors();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const labels = {
    currentPassword: t('profile.currentPassword'),
    newPassword: t('profile.newPassword'),
    confirmPassword: t('profile.confirmPassword'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      currentPassword: currentPassword === '' ? t('fieldErrors.required') : undefined,
      newPassword: checks.newPassword(newPassword),
      confirmPassword: confirmPassword !== newPassword ? t('profile.passwordsDiffer') : undefined,
    });
    if (!valid) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirmPassword('');
          notify(t('profile.passwordChanged'));
        },
        onError: (error) => {
          if (isProblem(error, 'auth.wrong_password')) form.show({ currentPassword: messageOf(error) });
          else form.fail(error, ['currentPassword', 'newPassword']);
        },
      },
    );
  };

  return (
    <section aria-labelledby="password-title" className="mb-5">
      <h2 id="password-title">{t('profile.passwordTitle')}</h2>
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <TextField
          id="currentPassword"
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={form.errors.currentPassword}
        />
        <NewPasswordField
          id="newPassword"
          label={labels.newPassword}
          hint={(min) => t('profile.newPasswordHint', { min })}
          value={newPassword}
          onChange={setNewPassword}
          error={form.errors.newPassword}
        />
        <TextField
          id="confirmPassword"
          label={labels.confirmPassword}
          type="password"
          autoComplete="new-password"
          required
          value={confirmPassword}
          onChange={(e) => setConfirmPassword(e.target.value)}
          error={form.errors.confirmPassword}
        />
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {t('profile.changePassword')}
        </button>
      </form>
    </section>
  );
}
