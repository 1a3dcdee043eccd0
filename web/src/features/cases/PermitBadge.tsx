import { useTranslation } from 'react-i18next';
import type { PermitStatus } from './api/types';
import { useDay } from './labels';

/**
 * A permit's status in words, with a badge whose text (not only its colour) says when the permit
 * is expiring or expired.
 */
export function PermitBadge({ status, expiresOn }: { status: PermitStatus | null; expiresOn: string | null }) {
  const { t } = useTranslation();
  const day = useDay();
  if (status === null) return <>{t('cases.list.noPermit')}</>;
  const warning =
    status === 'in_scadenza' ? t('cases.list.expiring') : status === 'scaduto' ? t('cases.list.expired') : null;
  return (
    <>
      {warning !== null && (
        <span className={`badge ${status === 'scaduto' ? 'bg-danger' : 'bg-warning text-dark'} me-1`}>{warning}</span>
      )}
      {warning === null && t(`cases.permitStatus.${status}`)}
      {expiresOn !== null && (
        <span className="d-block small">{t('cases.list.expiresOn', { date: day(expiresOn) })}</span>
      )}
    </>
  );
}
