/** The react-query keys of the plans' actions and monitorings, so queries and invalidations agree. */
export const actionKeys = {
  actions: (planId: string) => ['plans', 'actions', planId] as const,
  monitorings: (planId: string) => ['plans', 'monitorings', planId] as const,
  monitoring: (planId: string, id: string) => ['plans', 'monitorings', planId, id] as const,
  comuneProjects: (comune: string) => ['projects', 'design', 'list', 'plan-link', comune] as const,
};
