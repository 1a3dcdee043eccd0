export { recordAudit, type AuditEvent } from './audit.service.js';
export { verifyAuditChain } from './audit.repo.js';
export { auditRoutes } from './audit.routes.js';
