import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../lib/domain';
import { TextField, type TextFieldProps } from './FormField';

type FixedProps = 'type' | 'autoComplete' | 'required' | 'minLength' | 'hint' | 'onChange';

/** A password being set: the browser may offer to generate one; the hint states the minimum length. */
export function NewPasswordField({
  hint,
  onChange,
  ...props
}: Omit<TextFieldProps, FixedProps> & { hint: (min: number) => string; onChange: (value: string) => void }) {
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      hint={hint(PASSWORD_MIN_LENGTH)}
      onChange={(e) => onChange(e.target.value)}
      {...props}
    />
  );
}

/** The 6-digit code of an authenticator app; anything but digits is dropped as it is typed. */
export function TotpCodeField({
  onChange,
  ...props
}: Omit<TextFieldProps, FixedProps | 'label' | 'inputMode' | 'pattern' | 'maxLength'> & { onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('login.totp')}
      hint={t('login.totpHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      {...props}
    />
  );
}

/** The client-side checks behind these fields; each returns the message, or undefined when the value is fine. */
export function useCredentialChecks() {
  const { t } = useTranslation();
  return {
    newPassword: (password: string) =>
      password.length < PASSWORD_MIN_LENGTH ? t('fieldErrors.passwordLength', { min: PASSWORD_MIN_LENGTH }) : undefined,
    totpCode: (code: string) => (/^\d{6}$/.test(code) ? undefined : t('login.totpFormat')),
  };
}

/** The same checks for a schema form (lib/schemaForm): a password being set, and a 6-digit code. */
export function newPasswordSchema(t: TFunction) {
  return z.string().min(PASSWORD_MIN_LENGTH, t('fieldErrors.passwordLength', { min: PASSWORD_MIN_LENGTH }));
}

export function totpCodeSchema(t: TFunction) {
  return z.string().regex(/^\d{6}$/, t('login.totpFormat'));
}
