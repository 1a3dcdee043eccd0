import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../api/models';
import {
  announceToOtherTabs,
  clearSessionEnded,
  endSession,
  meQueryKey,
  type SessionEndReason,
} from '../../lib/session';
import { clearDrafts } from '../../lib/drafts';
import { LoginForm } from './LoginForm';

/** Everything focusable inside the dialog, for the focus trap. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The login in place when the session has ended (decision 0024): a modal dialog over the page,
 * which stays as it was underneath (forms keep their values) but hidden and inert. Logging in
 * again as the same person brings the page back and reloads its data; as someone else, the
 * page's data is dropped and the home page opens.
 */
export function SessionEndedDialog({ reason, me }: { reason: SessionEndReason; me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDivElement>(null);

  // the page behind becomes inert (no focus, no clicks, hidden from screen readers); focus
  // comes back where it was when the dialog closes
  useEffect(() => {
    const element = dialog.current;
    // Tab and Shift+Tab cycle inside the dialog
    const trapTab = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || element === null) return;
      const items = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (first === undefined || last === undefined) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    element?.addEventListener('keydown', trapTab);
    const root = document.getElementById('root');
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root?.setAttribute('inert', '');
    const password = document.getElementById('session-password');
    (password ?? dialog.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      element?.removeEventListener('keydown', trapTab);
      root?.removeAttribute('inert');
      before?.focus();
    };
  }, []);

  const onLoggedIn = (session: Me) => {
    announceToOtherTabs({ type: 'login', userId: session.user.id });
    if (session.user.id === me.user.id) {
      queryClient.setQueryData(meQueryKey, session);
      clearSessionEnded();
      // what failed while the session was over is asked for again
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    } else {
      clearDrafts(session.user.id);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, session);
      clearSessionEnded();
      void navigate('/', { replace: true });
    }
    if (session.mustChangePassword || session.mustEnrolTotp) void navigate('/profilo', { replace: true });
  };

  const leave = () => {
    clearDrafts();
    endSession(queryClient);
    void navigate('/login', { replace: true });
  };

  return createPortal(
    <div className="incas-session-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="session-ended-title"
        aria-describedby="session-ended-reason session-ended-kept"
        className="incas-session-dialog"
      >
        <h2 id="session-ended-title" className="h3">
          {t('sessionEnded.title')}
        </h2>
        <p id="session-ended-reason">{t(`sessionEnded.reason.${reason}`)}</p>
        <p id="session-ended-kept">{t('sessionEnded.kept')}</p>
        <LoginForm idPrefix="session-" initialEmail={me.user.email} onLoggedIn={onLoggedIn} />
        <button type="button" className="btn btn-link px-0 mt-3" onClick={leave}>
          {t('sessionEnded.leave')}
        </button>
      </div>
    </div>,
    document.body,
  );
}
