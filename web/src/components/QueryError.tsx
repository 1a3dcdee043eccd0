import { useTranslation } from 'react-i18next';
import { useProblemMessages } from '../lib/problemMessages';
import { Alert } from './Alert';

/** What a page shows when loading its data failed, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  return (
    <Alert kind="danger" live="alert">
      <p className="mb-2">{messageOf(error)}</p>
      {onRetry !== undefined && (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Alert>
  );
}
