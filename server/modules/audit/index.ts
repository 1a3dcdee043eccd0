import { join } from 'node:path';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { auditPermissions } from './audit.policy.js';
import { auditRoutes } from './audit.routes.js';

export { recordAudit, type AuditEvent } from './audit.service.js';
export { auditEventExists, verifyAuditChain } from './audit.repo.js';

/** The hash-chained audit trail: the hook every module calls, browsing, verifying the chain. */
export const auditModule: ModuleDefinition = {
  name: 'audit',
  routes: auditRoutes,
  tags: [{ name: 'audit', description: 'Audit trail' }],
  migrations: join(moduleDir('audit'), 'migrations'),
  permissions: auditPermissions,
};
