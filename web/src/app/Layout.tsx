import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotificationArea, NotificationsProvider } from '../components/Notifications';
import { Loading } from '../components/Loading';
import { useMe } from '../lib/session';
import { SessionGate } from '../features/auth';
import { Header } from './Header';
import { Footer } from './Footer';

/** Skip links move focus themselves, so the URL gets no #fragment and the router is not involved. */
function skipTo(targetId: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (target === null) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
}

function SkipLinks() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // a visitor has the public site's menu; a signed-in user theirs, once past the profile's checks
  const hasMenu = me === null || (me !== undefined && !me.mustEnrolTotp && !me.mustChangePassword);
  return (
    <div className="skiplinks">
      <a className="visually-hidden-focusable" href="#main-content" onClick={skipTo('main-content')}>
        {t('a11y.skipToContent')}
      </a>
      {hasMenu && (
        <a className="visually-hidden-focusable" href="#main-menu" onClick={skipTo('main-menu')}>
          {t('a11y.skipToMenu')}
        </a>
      )}
    </div>
  );
}

/**
 * After a client-side navigation, focus goes to the new page's h1 (or the main element), as it
 * would after a full page load; otherwise screen-reader users stay on the link they activated.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.getElementById('page-title') ?? document.getElementById('main-content');
    target?.focus({ preventScroll: true });
  }, [pathname]);
}

export function Layout() {
  useFocusOnNavigation();
  return (
    <NotificationsProvider>
      <SkipLinks />
      <Header />
      <main id="main-content" tabIndex={-1} className="container py-4 incas-main">
        <NotificationArea />
        {/* Pages are loaded on first use (see router.tsx). */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
      <SessionGate />
      <ScrollRestoration />
    </NotificationsProvider>
  );
}
