/** The react-query keys of the projects' monitoring, so queries and invalidations agree. */
export const monitoringKeys = {
  all: ['projects', 'monitoring'] as const,
  ofProject: (projectId: string) => ['projects', 'monitoring', projectId] as const,
  report: (projectId: string, reportId: string) => ['projects', 'monitoring', projectId, reportId] as const,
};
