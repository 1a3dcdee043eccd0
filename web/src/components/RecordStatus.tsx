import { Loading } from './Loading';
import { QueryError } from './QueryError';

/**
 * What a detail page shows under its header until its record is there: loading, or the error
 * with a retry. The page keeps rendering its own PageHeader first, so the h1 (which has focus
 * after navigation) stays the same element when the record arrives.
 */
export function RecordStatus({ query }: { query: { isPending: boolean; error: unknown; refetch: () => unknown } }) {
  return query.isPending ? <Loading /> : <QueryError error={query.error} onRetry={() => void query.refetch()} />;
}
