import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { refreshCsrfToken } from '../../../api/csrf';
import { announceToOtherTabs, endSession } from '../../../lib/session';
import { clearDrafts } from '../../../lib/drafts';

/**
 * Ends the session on the server, then forgets everything cached for this user in the browser,
 * even if the server call failed (the user asked to leave; nothing of theirs should stay shown).
 */
export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await unwrap(api.POST('/api/v1/auth/logout'));
  } finally {
    endSession(queryClient);
    // this tab's drafts go with the session; the other tabs are told, and ask for the login
    clearDrafts();
    announceToOtherTabs({ type: 'logout' });
    // The token was bound to the old session.
    void refreshCsrfToken().catch(() => undefined);
  }
}
