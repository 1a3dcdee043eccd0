import { definePolicy } from '../../platform/policy.js';

/**
 * The audit trail. Row-level security narrows a referente comunale to the rows of their Comune;
 * the administrator reads all and verifies the hash chain.
 */
export const auditPermissions = definePolicy({
  'audit.read': ['referente_comunale', 'amministratore'],
  'audit.verify': ['amministratore'],
});

type AuditPermission = (typeof auditPermissions)[number];
declare module '../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<AuditPermission, true> {}
}
