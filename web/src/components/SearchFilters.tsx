import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

interface SearchFiltersProps {
  /** Name of the search landmark. */
  label: string;
  /** The list without any filter. */
  clearTo: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/** The filters above a list, as a search landmark, ending with the link that clears them all. */
export function SearchFilters({ label, clearTo, onSubmit, children }: SearchFiltersProps) {
  const { t } = useTranslation();
  return (
    <form role="search" aria-label={label} onSubmit={onSubmit} className="mb-3">
      {children}
      <Link to={clearTo} className="btn btn-outline-primary btn-sm">
        {t('common.clearFilters')}
      </Link>
    </form>
  );
}

/** A filter that has no control of its own (it came with a link), said in words, with a way to drop it. */
export function ActiveFilter({ children, onRemove }: { children: ReactNode; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <p>
      {children}{' '}
      <button type="button" className="btn btn-link p-0" onClick={onRemove}>
        {t('common.removeFilter')}
      </button>
    </p>
  );
}
