/** What the claims' pages share: dates as gg/mm/aaaa, euro from cents, a problem in words. */
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { useProblemMessages } from '../../../lib/problemMessages';
import { formatBp, formatEuro } from '../../../lib/project-rules';

/** "2025-06-30" or a timestamp → "30/06/2025" (a timestamp in Italy's time zone). */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ymd = iso.length > 10 ? new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' }) : iso;
  const [y, m, d] = ymd.split('-');
  return `${d}/${m}/${y}`;
}

/** Cents as "1.234,50 €"; — for none. */
export function euro(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '—' : formatEuro(cents);
}

export { formatBp };

/** The error of a mutation, announced. */
export function MutationError({ error }: { error: unknown }) {
  const { messageOf } = useProblemMessages();
  if (!error) return null;
  return (
    <Alert kind="danger" live="alert">
      {messageOf(error)}
    </Alert>
  );
}

/** A claim's state in words. */
export function StatusLabel({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className="badge bg-secondary">{t(`projects.claims.status.${status}`, status)}</span>;
}
