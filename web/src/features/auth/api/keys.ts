/** The react-query keys of the auth feature (the session itself is lib/session's `meQueryKey`). */
export const authKeys = {
  info: ['auth', 'info'] as const,
};
