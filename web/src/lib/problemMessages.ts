/**
 * Turns API problems into text in the current language. The problem's stable `code` picks the
 * message; the server's English `title`/`detail` is only used when the code is unknown here.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';

export function useProblemMessages() {
  const { t, i18n } = useTranslation();

  const messageOf = useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiProblem)) return t('errors.network');
      const key = `errors.${error.code}`;
      if (i18n.exists(key)) return t(key as 'errors.generic', { seconds: error.retryAfter ?? 60 });
      if (error.status === 403) return t('errors.forbidden');
      if (error.status === 404) return t('errors.notFound');
      if (error.status >= 500) return t('errors.server');
      return error.detail ?? error.title ?? t('errors.generic');
    },
    [t, i18n],
  );

  const fieldMessageOf = useCallback(
    (code: string, fallback: string): string => {
      const key = `fieldErrors.${code}`;
      return i18n.exists(key) ? t(key as 'fieldErrors.invalid') : fallback || t('fieldErrors.invalid');
    },
    [t, i18n],
  );

  return { messageOf, fieldMessageOf };
}
