import type { IssuesQuery } from '../types';

/**
 * Every react-query key of the monitoring feature (work list, critical issues, budget,
 * comparative picture), so queries and the invalidations after a write agree.
 */
export const monitoringKeys = {
  tasks: ['pilot', 'tasks'] as const,
  openTasks: (lang: 'it' | 'en') => ['pilot', 'tasks', 'aperto', lang] as const,
  issues: ['pilot', 'issues'] as const,
  issueList: (query: IssuesQuery) => ['pilot', 'issues', query] as const,
  budget: ['pilot', 'budget'] as const,
  budgetOf: (year: number) => ['pilot', 'budget', year] as const,
  comparative: (from: string, to: string) => ['pilot', 'comparative', from, to] as const,
  records: (comune: string, page: number, pageSize: number) => ['pilot', 'records', comune, page, pageSize] as const,
  pilotComuni: ['registry', 'pilot-comuni'] as const,
};
