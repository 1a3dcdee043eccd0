import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useDocumentTitle, useMetaDescription } from '../../lib/useDocumentTitle';
import type { SiteSection } from './sections';

/**
 * "/" for a visitor with no login: what InCaS plus is and for whom, the next events (a panel of
 * the events feature, composed in by app/), the public sections and the way in for the Comuni and
 * the operators. The signed-in home (features/home) is shown at the same address after the login.
 */
export function PublicHomePage({
  sections,
  eventsPanel,
}: {
  sections: readonly SiteSection[];
  eventsPanel?: ReactNode;
}) {
  const { t } = useTranslation();
  // the site's name and subject in the tab, as a home page is shared
  useDocumentTitle(t('site.home.documentTitle'), { bare: true });
  useMetaDescription(t('meta.description'));
  const hasEvents = eventsPanel !== undefined && sections.some((s) => s.key === 'events');
  return (
    <>
      <section aria-labelledby="page-title" className="incas-site-hero mb-5">
        <h1 id="page-title" tabIndex={-1} className="page-title">
          {t('site.home.title')}
        </h1>
        <p className="lead">{t('site.home.lead')}</p>
        <h2 className="h5 mt-4">{t('site.home.forWhomTitle')}</h2>
        <p>{t('site.home.forWhom')}</p>
      </section>

      {hasEvents && (
        <section aria-labelledby="site-events-title" className="mb-5">
          <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2 mb-3">
            <h2 id="site-events-title" className="mb-0">
              {t('site.home.eventsTitle')}
            </h2>
            <Link to="/eventi">{t('site.home.allEvents')}</Link>
          </div>
          {eventsPanel}
        </section>
      )}

      <section aria-labelledby="site-sections-title" className="mb-5">
        <h2 id="site-sections-title">{t('site.home.sectionsTitle')}</h2>
        <ul className="row list-unstyled">
          {sections.map((s) => (
            <li className="col-12 col-md-6 col-lg-4 mb-4" key={s.key}>
              <div className="card card-bg h-100">
                <div className="card-body">
                  <h3 className="card-title h5">
                    <Icon name={s.icon} className="icon-primary me-2" />
                    <Link to={s.to}>{t(`site.sections.${s.key}.title`)}</Link>
                  </h3>
                  <p className="card-text">{t(`site.sections.${s.key}.text`)}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="site-login-title" className="mb-4">
        <div className="card card-bg">
          <div className="card-body">
            <h2 id="site-login-title" className="h4 card-title">
              {t('site.home.loginTitle')}
            </h2>
            <p className="card-text">{t('site.home.loginText')}</p>
            <Link to="/login" className="btn btn-primary">
              {t('site.home.loginButton')}
            </Link>
          </div>
        </div>
      </section>
    </>
  );
}
