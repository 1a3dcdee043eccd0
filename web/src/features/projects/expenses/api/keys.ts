/** Every react-query key of the expenses part, so queries and the invalidations after a write agree. */
export const expensesKeys = {
  ofProject: (projectId: string) => ['projects', 'expenses', projectId] as const,
  list: (projectId: string, query: object) => ['projects', 'expenses', projectId, 'list', query] as const,
  one: (projectId: string, expenseId: string) => ['projects', 'expenses', projectId, 'one', expenseId] as const,
  documents: (projectId: string, expenseId: string) =>
    ['projects', 'expenses', projectId, 'one', expenseId, 'documents'] as const,
};
