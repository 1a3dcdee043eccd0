import type { MessagesQuery, PhoneListQuery } from '../types';

/** The react-query keys of the surveys' messages part, so queries and invalidations agree. */
export const messagesKeys = {
  all: ['surveys', 'messages'] as const,
  ofWave: (waveId: string) => ['surveys', 'messages', waveId] as const,
  log: (waveId: string, query: MessagesQuery) => ['surveys', 'messages', waveId, 'log', query] as const,
  phoneList: (waveId: string, query: PhoneListQuery) => ['surveys', 'messages', waveId, 'phone-list', query] as const,
};
