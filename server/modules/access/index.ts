import { join } from 'node:path';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { accessErrors } from './access.errors.js';
import { accessAuditActions } from './access.audit-actions.js';
import { accessPermissions } from './access.policy.js';
import { accessRoutes } from './access.routes.js';
import { sealLegacyTotpSecrets, totpEncryptedColumns } from './access.credentials.js';
import { purgeSessionsJob } from './access.jobs.js';

export { authenticateRequest } from './access.hook.js';
export { hashPassword } from './access.credentials.js';
export { insertUser, replaceUserRoles } from './access.repo.js';
export { LOCKOUT_FAILURES, LOCKOUT_MINUTES } from './access.auth.service.js';
export { sessionCookieName } from './access.cookies.js';
export { purgeSessionsJob } from './access.jobs.js';
export { roleSchema } from './access.schema.js';

/** Login, sessions, TOTP, the current user, user administration. */
export const accessModule: ModuleDefinition = {
  name: 'access',
  routes: accessRoutes,
  tags: [
    { name: 'auth', description: 'Login, logout, CSRF' },
    { name: 'profile', description: 'The current user' },
    { name: 'users', description: 'Account administration' },
  ],
  migrations: join(moduleDir('access'), 'migrations'),
  errors: accessErrors,
  permissions: accessPermissions,
  auditActions: accessAuditActions,
  encryptedColumns: totpEncryptedColumns,
  jobs: [purgeSessionsJob],
  // TOTP secrets written before they were encrypted (release 0.1) are encrypted now
  prepare: async ({ db, cipher }) => {
    if (cipher) await sealLegacyTotpSecrets(db, cipher);
  },
};
