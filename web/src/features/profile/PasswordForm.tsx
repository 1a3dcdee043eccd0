import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { PASSWORD_MIN_LENGTH } from '../../lib/domain';
import { useProblemMessages } from '../../lib/problemMessages';
import { isProblem } from '../../api/problem';
import { useChangePassword } from './api/change-password';

export function PasswordForm() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { formProblemsOf, messageOf } = useProblemMessages();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const labels = {
    currentPassword: t('profile.currentPassword'),
    newPassword: t('profile.newPassword'),
    confirmPassword: t('profile.confirmPassword'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setGeneral(null);
    const found: Record<string, string> = {};
    if (currentPassword === '') found.currentPassword = t('fieldErrors.required');
    if (newPassword.length < PASSWORD_MIN_LENGTH) {
      found.newPassword = t('fieldErrors.passwordLength', { min: PASSWORD_MIN_LENGTH });
    }
    if (confirmPassword !== newPassword) found.confirmPassword = t('profile.passwordsDiffer');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
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
          if (isProblem(error, 'auth.wrong_password')) {
            setErrors({ currentPassword: messageOf(error) });
            return;
          }
          const problems = formProblemsOf(error, ['currentPassword', 'newPassword']);
          setErrors(problems.fields);
          setGeneral(problems.general);
        },
      },
    );
  };

  return (
    <section aria-labelledby="password-title" className="mb-5">
      <h2 id="password-title">{t('profile.passwordTitle')}</h2>
      <FormErrorSummary fieldErrors={errors} labels={labels} general={general} attempt={attempt} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <TextField
          id="currentPassword"
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={errors.currentPassword}
        />
        <TextField
          id="newPassword"
          label={labels.newPassword}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={t('profile.newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={errors.newPassword}
        />
        <TextField
          id="confirmPassword"
          label={labels.confirmPassword}
          type="password"
          autoComplete="new-password"
          required
          value={confirmPassword}
          onChange={(e) => setConfirmPassword(e.target.value)}
          error={errors.confirmPassword}
        />
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {t('profile.changePassword')}
        </button>
      </form>
    </section>
  );
}
