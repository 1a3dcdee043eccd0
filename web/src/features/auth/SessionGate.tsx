import { Suspense, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../api/models';
import { refreshCsrfToken } from '../../api/csrf';
import { lazyPage } from '../../lib/lazyPage';
import {
  clearSessionEnded,
  fetchMe,
  markSessionEnded,
  meQueryKey,
  onOtherTabs,
  sessionEndedNow,
  useMe,
  useSessionEnded,
} from '../../lib/session';

// Its own chunk: the login form brings the schema-form layer, which the shell does not need.
const SessionEndedDialog = lazyPage(() => import('./SessionEndedDialog'), 'SessionEndedDialog');

/**
 * Always in the shell: notices a logout or a login in another tab of this browser (they share
 * the session cookie), and shows the login in place when the session has ended.
 */
export function SessionGate() {
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  const { data: me } = useMe();

  useEffect(
    () =>
      onOtherTabs((message) => {
        const known = queryClient.getQueryData<Me | null>(meQueryKey);
        if (message.type === 'logout') {
          if (known !== undefined && known !== null) markSessionEnded('logged_out');
          return;
        }
        if (known === undefined || known === null) {
          // signed in elsewhere while this tab showed the login page
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
          return;
        }
        if (sessionEndedNow() === null || message.userId !== known.user.id) return;
        // the same person logged in again in another tab: this tab goes on with that session
        void (async () => {
          await refreshCsrfToken().catch(() => undefined);
          const fresh = await fetchMe().catch(() => null);
          if (fresh === null || fresh.user.id !== known.user.id) return;
          queryClient.setQueryData(meQueryKey, fresh);
          clearSessionEnded();
          void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
        })();
      }),
    [queryClient],
  );

  if (ended === null || me === undefined || me === null) return null;
  return (
    <Suspense fallback={null}>
      <SessionEndedDialog reason={ended} me={me} />
    </Suspense>
  );
}
