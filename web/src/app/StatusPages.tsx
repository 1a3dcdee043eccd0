import { Link, useRouteError } from 'react-router';
import { sessionEndOf } from '../lib/session';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('notFound.home')}
      </Link>
    </>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <p>{t('forbidden.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('notFound.home')}
      </Link>
    </>
  );
}

/**
 * Last resort when rendering a page crashed. It avoids the normal shell (which may be what
 * crashed) and reloads the page rather than trying to recover in place.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  // An ended session is no crash: say so, and lead to the login (decision 0024).
  if (sessionEndOf(error) !== null) {
    return (
      <main id="main-content" className="container py-5">
        <h1>{t('sessionEnded.title')}</h1>
        <p>{t('errors.auth.required')}</p>
        <a href="/login" className="btn btn-primary">
          {t('login.submit')}
        </a>
      </main>
    );
  }
  // Details go to the console for whoever investigates; the page shows no internals.
  console.error(error);
  return (
    <main id="main-content" className="container py-5">
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.text')}</p>
      <a href="/" className="btn btn-primary">
        {t('notFound.home')}
      </a>
    </main>
  );
}
