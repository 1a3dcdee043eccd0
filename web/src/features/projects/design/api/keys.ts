/**
 * Every react-query key of the projects' design pages, so queries and the invalidations after a
 * write agree. `projects` invalidates every project list and page (other parts' too).
 */
export const designKeys = {
  projects: ['projects'] as const,
  list: (params: Record<string, string | number>) => ['projects', 'design', 'list', params] as const,
  project: (projectId: string) => ['projects', 'design', 'project', projectId] as const,
  version: (projectId: string, versionId: string) => ['projects', 'design', 'budget', projectId, versionId] as const,
  diff: (projectId: string, versionId: string) => ['projects', 'design', 'diff', projectId, versionId] as const,
  callOptions: ['projects', 'design', 'call-options'] as const,
  catalogue: ['projects', 'design', 'indicator-catalogue'] as const,
};
