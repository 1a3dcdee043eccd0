/** The react-query keys of the funding calls' pages; `all` invalidates everything under it. */
export const callsKeys = {
  all: ['projects', 'calls'] as const,
  list: ['projects', 'calls', 'list'] as const,
  sources: ['projects', 'calls', 'sources'] as const,
  call: (callId: string) => ['projects', 'calls', 'call', callId] as const,
};
