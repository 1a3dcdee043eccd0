import { lazyPage } from '../../lib/lazyPage';

export const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');
