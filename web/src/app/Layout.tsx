import { Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotificationArea, NotificationsProvider } from '../components/Notifications';
import { Loading } from '../components/Loading';
import { QueryError } from '../components/QueryError';
import { useMe } from '../lib/session';
import { SessionGate } from '../features/auth';
import { Header } from './Header';
import { Footer } from './Footer';
import { fullCatalogueLoaded, loadFullCatalogue } from './i18n';

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

/**
 * The signed-in features' words (their own chunk, app/i18n.private.ts) are fetched as soon as the
 * session says somebody is signed in, and the page waits for them: a visitor never downloads them.
 */
function useSignedInWords(): { ready: boolean; error: unknown; retry: () => void } {
  const { data: me } = useMe();
  const signedIn = me !== null && me !== undefined;
  const [state, setState] = useState<{ ready: boolean; error: unknown; attempt: number }>({
    ready: fullCatalogueLoaded(),
    error: null,
    attempt: 0,
  });
  useEffect(() => {
    if (!signedIn || state.ready) return;
    let live = true;
    loadFullCatalogue().then(
      () => live && setState((s) => ({ ...s, ready: true, error: null })),
      (error: unknown) => live && setState((s) => ({ ...s, error })),
    );
    return () => {
      live = false;
    };
  }, [signedIn, state.ready, state.attempt]);
  return {
    ready: !signedIn || state.ready,
    error: state.error,
    retry: () => setState((s) => ({ ...s, error: null, attempt: s.attempt + 1 })),
  };
}

export function Layout() {
  useFocusOnNavigation();
  const words = useSignedInWords();
  if (!words.ready) {
    return (
      <main id="main-content" tabIndex={-1} className="container py-4 incas-main">
        {words.error === null ? <Loading /> : <QueryError error={words.error} onRetry={words.retry} />}
      </main>
    );
  }
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
