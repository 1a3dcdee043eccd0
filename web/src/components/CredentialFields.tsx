import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../lib/domain';
import { FormText } from './SchemaFields';

type FixedProps =
  | 'type'
  | 'autoComplete'
  | 'required'
  | 'minLength'
  | 'hint'
  | 'inputMode'
  | 'pattern'
  | 'maxLength'
  | 'transform';

/** A password being set: the browser may offer to generate one; the hint states the minimum length. */
export function FormNewPassword({
  hint,
  ...props
}: Omit<ComponentProps<typeof FormText>, FixedProps> & { hint: (min: number) => string }) {
  return (
    <FormText
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      hint={hint(PASSWORD_MIN_LENGTH)}
      {...props}
    />
  );
}

/** The 6-digit code of an authenticator app; anything but digits is dropped as it is typed. */
export function FormTotpCode(props: Omit<ComponentProps<typeof FormText>, FixedProps | 'label'>) {
  const { t } = useTranslation();
  return (
    <FormText
      label={t('login.totp')}
      hint={t('login.totpHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      transform={(typed) => typed.replace(/\D/g, '')}
      {...props}
    />
  );
}

/** The checks behind these fields, for a schema form (lib/schemaForm). */
export function newPasswordSchema(t: TFunction) {
  return z.string().min(PASSWORD_MIN_LENGTH, t('fieldErrors.passwordLength', { min: PASSWORD_MIN_LENGTH }));
}

export function totpCodeSchema(t: TFunction) {
  return z.string().regex(/^\d{6}$/, t('login.totpFormat'));
}
