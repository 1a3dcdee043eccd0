import type { AuditQuery } from '../../../api/models';

/** The react-query keys of the audit feature. */
export const auditKeys = {
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
  actors: (search: { q: string } | { id: string }) => ['audit', 'actors', search] as const,
  organisations: (search: { q: string } | { id: string }) => ['audit', 'organisations', search] as const,
};
