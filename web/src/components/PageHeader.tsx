import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle, useMetaDescription } from '../lib/useDocumentTitle';

export interface Crumb {
  label: string;
  to?: string;
}

interface PageHeaderProps {
  title: string;
  /** Trail above the title, without Home (always first) and without the current page (always last). */
  breadcrumbs?: Crumb[];
  /** Text for the browser tab when it should differ from the visible title. */
  documentTitle?: string;
  lead?: ReactNode;
  /** The page's meta description; by default the lead when it is text, else the site's own. */
  description?: string;
  children?: ReactNode;
  /** The home page: its trail is just "Home", not "Home / <its greeting>". */
  isHome?: boolean;
}

/**
 * The top of every page: breadcrumbs, the page's only h1 and the document title.
 * The h1 takes focus after client-side navigation (see Layout), hence tabIndex -1.
 */
export function PageHeader({
  title,
  breadcrumbs = [],
  documentTitle,
  lead,
  description,
  children,
  isHome = false,
}: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(documentTitle ?? title);
  useMetaDescription(description ?? (typeof lead === 'string' && lead !== '' ? lead : t('meta.description')));
  const trail: Crumb[] = isHome ? [] : [{ label: t('nav.home'), to: '/' }, ...breadcrumbs];
  const current = isHome ? t('nav.home') : title;
  return (
    <div className="mb-4">
      <nav className="breadcrumb-container" aria-label={t('a11y.breadcrumbs')}>
        <ol className="breadcrumb p-0">
          {trail.map((crumb) => (
            <li className="breadcrumb-item" key={`${crumb.label}-${crumb.to ?? ''}`}>
              {crumb.to !== undefined ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}
              <span className="separator" aria-hidden="true">
                /
              </span>
            </li>
          ))}
          <li className="breadcrumb-item active" aria-current="page">
            {current}
          </li>
        </ol>
      </nav>
      <h1 id="page-title" tabIndex={-1} className="page-title">
        {title}
      </h1>
      {lead !== undefined && <p className="lead">{lead}</p>}
      {children}
    </div>
  );
}
