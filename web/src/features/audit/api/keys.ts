import type { AuditQuery } from '../../../api/models';

/** The react-query keys of the audit feature. */
export const auditKeys = {
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
};
