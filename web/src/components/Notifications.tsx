/**
 * Confirmations after an action ("Utente creato"), in one polite live region that floats over the
 * page (it never pushes the content down). A new confirmation replaces the previous one: they do
 * not stack. A notification belongs to the page it was raised for, so it survives the navigation
 * that often follows an action and disappears when the user moves on, or after a while (the timer
 * waits while the pointer or the focus is on it).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

type Kind = 'success' | 'info' | 'warning';

interface Notification {
  id: number;
  kind: Kind;
  message: string;
  /** Pathname the notification is shown on. */
  path: string;
}

interface NotifyOptions {
  kind?: Kind;
  /** Show on this path instead of the current one (when navigating right after). */
  path?: string;
}

interface NotificationsApi {
  notify: (message: string, options?: NotifyOptions) => void;
  dismiss: (id: number) => void;
  items: Notification[];
}

const NotificationsContext = createContext<NotificationsApi | null>(null);

let nextId = 1;

/** Must sit inside the router: it forgets notifications of pages the user has left. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Notification[]>([]);
  const { pathname } = useLocation();
  const [seenPath, setSeenPath] = useState(pathname);
  if (seenPath !== pathname) {
    // Adjusting state while rendering (not in an effect) avoids one frame with stale messages.
    setSeenPath(pathname);
    setItems((previous) => previous.filter((n) => n.path === pathname));
  }

  const notify = useCallback((message: string, options: NotifyOptions = {}) => {
    const path = options.path ?? window.location.pathname;
    // one at a time: the newest confirmation replaces the one before
    setItems([{ id: nextId++, kind: options.kind ?? 'success', message, path }]);
  }, []);

  const dismiss = useCallback((id: number) => {
    setItems((previous) => previous.filter((n) => n.id !== id));
  }, []);

  const value = useMemo(() => ({ notify, dismiss, items }), [notify, dismiss, items]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

function useNotifications(): NotificationsApi {
  const value = useContext(NotificationsContext);
  if (value === null) throw new Error('NotificationsProvider is missing');
  return value;
}

/** Set by NotifyScope: what a notification raised inside it should also do (close a form). */
const NotifyScopeContext = createContext<((message: string, options?: NotifyOptions) => void) | null>(null);

export function useNotify() {
  const notify = useNotifications().notify;
  return useContext(NotifyScopeContext) ?? notify;
}

/**
 * Runs `onNotify` after any notification raised by a component inside it: a form opened on
 * demand closes itself when its action succeeded, without the form knowing it was opened.
 */
export function NotifyScope({ onNotify, children }: { onNotify: () => void; children: ReactNode }) {
  const notify = useNotify();
  const scoped = useCallback(
    (message: string, options?: NotifyOptions) => {
      notify(message, options);
      onNotify();
    },
    [notify, onNotify],
  );
  return <NotifyScopeContext.Provider value={scoped}>{children}</NotifyScopeContext.Provider>;
}

/** How long a confirmation stays, unless the pointer or the focus is on it. */
const SHOWN_MS = 10_000;

/** The live region; always rendered (even empty) so screen readers pick up what is added to it. */
export function NotificationArea() {
  const { t } = useTranslation();
  const { items, dismiss } = useNotifications();
  const { pathname } = useLocation();
  const [held, setHeld] = useState(false);
  const current = items.filter((n) => n.path === pathname).at(-1);
  const currentId = current?.id;
  useEffect(() => {
    if (currentId === undefined || held) return;
    const timer = window.setTimeout(() => dismiss(currentId), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [currentId, held, dismiss]);
  return (
    <div
      role="status"
      aria-live="polite"
      className="notification-area incas-toasts"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {current !== undefined && (
        <div
          key={current.id}
          className={`alert alert-${current.kind} d-flex justify-content-between align-items-start shadow mb-0`}
        >
          <span>{current.message}</span>
          <button type="button" className="btn btn-link btn-sm p-0 ms-3" onClick={() => dismiss(current.id)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
