export { accessRoutes } from './access.routes.js';
export { authenticateRequest } from './access.hook.js';
export { hashPassword, sealLegacyTotpSecrets } from './access.credentials.js';
export { insertUser, replaceUserRoles } from './access.repo.js';
export { LOCKOUT_FAILURES, LOCKOUT_MINUTES } from './access.auth.service.js';
export { sessionCookieName } from './access.cookies.js';
export { purgeSessionsJob } from './access.jobs.js';
