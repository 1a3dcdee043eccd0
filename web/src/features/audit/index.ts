import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { Permission } from '../../lib/permissions';

export const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');

export const auditFeature: FeatureDefinition = {
  name: 'audit',
  pages: [{ path: 'audit', page: AuditPage, permission: Permission.auditRead }],
  menu: [{ to: '/audit', labelKey: 'nav.audit', permission: Permission.auditRead }],
};
