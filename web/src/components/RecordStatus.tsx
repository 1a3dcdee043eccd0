import { useTranslation } from 'react-i18next';
import { PageHeader, type Crumb } from './PageHeader';
import { Loading } from './Loading';
import { QueryError } from './QueryError';

interface RecordStatusProps {
  /** The record's query, while it is pending or after it failed. */
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  breadcrumbs: Crumb[];
  /** The page title when the record could not be loaded. */
  unavailableTitle: string;
}

/** What a detail page shows until its record is there: a loading page, or the error with a retry. */
export function RecordStatus({ query, breadcrumbs, unavailableTitle }: RecordStatusProps) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <>
        <PageHeader title={t('common.loading')} breadcrumbs={breadcrumbs} />
        <Loading />
      </>
    );
  }
  return (
    <>
      <PageHeader title={unavailableTitle} breadcrumbs={breadcrumbs} />
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    </>
  );
}
