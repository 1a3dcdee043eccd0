import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
}

/** Pages to show: first, last, and a window around the current one; null is a gap. */
function pageWindow(current: number, last: number): (number | null)[] {
  const pages = new Set([1, last, current - 1, current, current + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous > 1) result.push(null);
    result.push(p);
  });
  return result;
}

/** Page links that keep every other search param (filters stay in the URL). */
export function Pagination({ page, pageSize, total }: PaginationProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;

  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete('page');
    else params.set('page', String(p));
    const search = params.toString();
    return { pathname: location.pathname, search: search === '' ? '' : `?${search}` };
  };

  return (
    <nav className="pagination-wrapper justify-content-center" aria-label={t('pagination.label')}>
      <ul className="pagination">
        <li className={`page-item${page <= 1 ? ' disabled' : ''}`}>
          {page > 1 ? (
            <Link className="page-link" to={hrefFor(page - 1)}>
              <Icon name="chevron-left" className="icon-primary" />
              <span className="visually-hidden">{t('pagination.previous')}</span>
            </Link>
          ) : (
            <span className="page-link" aria-hidden="true">
              <Icon name="chevron-left" className="icon-primary" />
            </span>
          )}
        </li>
        {pageWindow(page, last).map((p, i) =>
          p === null ? (
            <li className="page-item" key={`gap-${i}`}>
              <span className="page-link" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li className="page-item" key={p}>
              <Link className="page-link" to={hrefFor(p)} aria-current={p === page ? 'page' : undefined}>
                <span className="visually-hidden">{t('pagination.page')} </span>
                {p}
              </Link>
            </li>
          ),
        )}
        <li className={`page-item${page >= last ? ' disabled' : ''}`}>
          {page < last ? (
            <Link className="page-link" to={hrefFor(page + 1)}>
              <span className="visually-hidden">{t('pagination.next')}</span>
              <Icon name="chevron-right" className="icon-primary" />
            </Link>
          ) : (
            <span className="page-link" aria-hidden="true">
              <Icon name="chevron-right" className="icon-primary" />
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
