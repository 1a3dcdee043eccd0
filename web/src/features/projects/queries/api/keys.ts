/** The react-query keys of the projects' query threads, so queries and invalidations agree. */
export const queriesKeys = {
  all: ['projects', 'queries'] as const,
  mine: ['projects', 'queries', 'mine'] as const,
  ofProject: (projectId: string) => ['projects', 'queries', 'project', projectId] as const,
  thread: (projectId: string, queryId: string) => ['projects', 'queries', 'project', projectId, queryId] as const,
  schede: (projectId: string) => ['projects', 'queries', 'schede', projectId] as const,
};
