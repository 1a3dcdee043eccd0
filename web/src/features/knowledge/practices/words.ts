/** The good practices' problem messages: the module's own codes in its words, the rest as the shell says them. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../api/problem';
import { useProblemMessages } from '../../../lib/problemMessages';

export function usePracticeProblem() {
  const { t, i18n } = useTranslation();
  const { messageOf, fieldMessageOf } = useProblemMessages();
  return useCallback(
    (error: unknown): string => {
      if (isProblem(error)) {
        const key = `knowledge.practices.errors.${error.code.replace(/\./g, '_')}`;
        if (i18n.exists(key)) return t(key as 'knowledge.practices.errors.knowledge_stale');
        if (error.code === 'request.invalid' && error.fieldErrors.length > 0)
          return error.fieldErrors.map((f) => `${f.path}: ${fieldMessageOf(f.code, f.message)}`).join('; ');
      }
      return messageOf(error);
    },
    [t, i18n, messageOf, fieldMessageOf],
  );
}
