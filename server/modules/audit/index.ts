import { join } from 'node:path';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { auditCheckpointJob } from './audit.jobs.js';
import { auditAuditActions } from './audit.audit-actions.js';
import { auditPermissions } from './audit.policy.js';
import { auditRoutes } from './audit.routes.js';

export {
  recordAudit,
  verifyAuditTrail,
  writeAuditCheckpoint,
  type AuditEvent,
  type AuditTrailReport,
  type KeptHead,
} from './audit.service.js';
export { auditEventExists, verifyAuditChain } from './audit.repo.js';
export { auditCheckpointJob } from './audit.jobs.js';

/**
 * The hash-chained audit trail: the hook every module calls, browsing, verifying the chain, and
 * the signed checkpoints of its head kept outside the database.
 */
export const auditModule: ModuleDefinition = {
  name: 'audit',
  routes: auditRoutes,
  tags: [{ name: 'audit', description: 'Audit trail' }],
  migrations: join(moduleDir('audit'), 'migrations'),
  permissions: auditPermissions,
  auditActions: auditAuditActions,
  jobs: [auditCheckpointJob],
};
