/**
 * Turns API problems into text in the current language. The problem's stable `code` picks the
 * message; the server's English `title`/`detail` is only used when the code is unknown here.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, fieldOf } from '../api/problem';

export interface FormProblems {
  fields: Record<string, string>;
  general: string | null;
}

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

  /**
   * Splits a failed submit into messages next to known fields and one general message.
   * Field issues for fields the form does not show go into the general message.
   */
  const formProblemsOf = useCallback(
    (error: unknown, knownFields: readonly string[]): FormProblems => {
      const fields: Record<string, string> = {};
      const others: string[] = [];
      if (error instanceof ApiProblem) {
        for (const issue of error.fieldErrors) {
          const field = fieldOf(issue.path);
          const message = fieldMessageOf(issue.code, issue.message);
          if (knownFields.includes(field)) fields[field] ??= message;
          else others.push(message);
        }
      }
      const hasFields = Object.keys(fields).length > 0;
      const general = others.length > 0 ? others.join(' ') : hasFields ? null : messageOf(error);
      return { fields, general };
    },
    [fieldMessageOf, messageOf],
  );

  return { messageOf, fieldMessageOf, formProblemsOf };
}
