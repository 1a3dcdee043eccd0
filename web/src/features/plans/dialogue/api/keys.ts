/** The react-query keys of the Region–Comune dialogue, so queries and invalidations agree. */
export const dialogueKeys = {
  all: ['plans', 'dialogue'] as const,
  list: (filters: Record<string, string | undefined>) => ['plans', 'dialogue', 'list', filters] as const,
  thread: (threadId: string) => ['plans', 'dialogue', 'thread', threadId] as const,
  participants: (comuneIstat: string) => ['plans', 'dialogue', 'participants', comuneIstat] as const,
  anchors: (comuneIstat: string) => ['plans', 'dialogue', 'anchors', comuneIstat] as const,
};
