/**
 * Confirmations after an action ("Utente creato"), shown at the top of the main content inside a
 * polite live region. A notification belongs to the page it was raised for, so it survives the
 * navigation that often follows an action and disappears when the user moves on.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
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
    setItems((previous) => [...previous, { id: nextId++, kind: options.kind ?? 'success', message, path }]);
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

export function useNotify() {
  return useNotifications().notify;
}

/** The live region; always rendered (even empty) so screen readers pick up what is added to it. */
export function NotificationArea() {
  const { t } = useTranslation();
  const { items, dismiss } = useNotifications();
  const { pathname } = useLocation();
  const visible = items.filter((n) => n.path === pathname);
  return (
    <div role="status" aria-live="polite" className="notification-area">
      {visible.map((n) => (
        <div key={n.id} className={`alert alert-${n.kind} d-flex justify-content-between align-items-start`}>
          <span>{n.message}</span>
          <button type="button" className="btn btn-link btn-sm p-0 ms-3" onClick={() => dismiss(n.id)}>
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
