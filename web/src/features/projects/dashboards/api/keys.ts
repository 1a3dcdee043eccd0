/** The react-query keys of the projects' dashboards. */
export const dashboardsKeys = {
  all: ['projects', 'dashboards'] as const,
  comune: ['projects', 'dashboards', 'comune'] as const,
  national: (query: object) => ['projects', 'dashboards', 'national', query] as const,
};
