import type { ReactNode } from 'react';
import { useFormat } from '../lib/format';
import { Pagination } from './Pagination';
import { QueryError } from './QueryError';
import { Loading } from './Loading';

/** One page of a list, as every list endpoint returns it. */
export interface ListPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

interface ListResultsProps<T> {
  /** The list query, as TanStack Query returns it. */
  query: { data: ListPage<T> | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  /** The announced count, e.g. `(values) => t('users.count', values)`; `formatted` is the total in the current locale. */
  count: (values: { count: number; formatted: string }) => string;
  /** The table's caption for a page. */
  caption: (page: number) => string;
  /** The header cells (`<th scope="col">`), in one row. */
  columns: ReactNode;
  /** One `<tr>` per item, with its `key`, as in `items.map`. */
  row: (item: T) => ReactNode;
  /** Marks the count busy while a new page is fetched. */
  busy?: boolean;
  /** Highlights the row under the pointer (rows that open a page). */
  hover?: boolean;
}

/**
 * The results part of a list page: the count in a polite live region (always present, so screen
 * readers announce each new count as the filters change), the loading and error states, the
 * table with its caption and column headers, and the page links.
 */
export function ListResults<T>({ query, count, caption, columns, row, busy, hover = true }: ListResultsProps<T>) {
  const { number } = useFormat();
  const { data, error, isPending, refetch } = query;
  return (
    <>
      <p role="status" className="fw-semibold mt-4" aria-busy={busy}>
        {data === undefined ? '' : count({ count: data.total, formatted: number(data.total) })}
      </p>
      {error !== null && <QueryError error={error} onRetry={() => void refetch()} />}
      {isPending && <Loading />}
      {data !== undefined && data.items.length > 0 && (
        <>
          <div className="table-responsive">
            <table className={hover ? 'table table-hover' : 'table'}>
              <caption>{caption(data.page)}</caption>
              <thead>
                <tr>{columns}</tr>
              </thead>
              <tbody>{data.items.map((item) => row(item))}</tbody>
            </table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
        </>
      )}
    </>
  );
}
