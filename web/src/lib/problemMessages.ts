/**
 * Turns API problems into text in the current language. The problem's stable `code` picks the
 * message; the server's English `title`/`detail` is only used when the code is unknown here.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, isProblem } from '../api/problem';

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

/**
 * How a feature's problems read: its own codes under `<prefix>.<code with dots as underscores>`
 * first; a body's field problems listed (`fields: 'path'` names each field); the shell's messages
 * otherwise. Each feature names its catalogue once (`useProblemsOf('plans.plans.errors')`).
 */
export function useProblemsOf(prefix: string, options: { fields?: 'message' | 'path' } = {}) {
  const { t, i18n } = useTranslation();
  const { messageOf, fieldMessageOf } = useProblemMessages();
  const { fields = 'message' } = options;
  return useCallback(
    (error: unknown): string => {
      if (isProblem(error)) {
        const key = `${prefix}.${error.code.replace(/\./g, '_')}`;
        if (i18n.exists(key)) return t(key as 'errors.generic');
        if (error.code === 'request.invalid' && error.fieldErrors.length > 0)
          return error.fieldErrors
            .map((f) => (fields === 'path' ? `${f.path}: ` : '') + fieldMessageOf(f.code, f.message))
            .join('; ');
      }
      return messageOf(error);
    },
    [t, i18n, messageOf, fieldMessageOf, prefix, fields],
  );
}

/** The field message of a problem for one field of the body (`body.subject`), if any. */
export function fieldErrorOf(error: unknown, path: string): string | undefined {
  return error instanceof ApiProblem ? error.fieldErrors.find((e) => e.path === path)?.message : undefined;
}
