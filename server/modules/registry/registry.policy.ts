import { definePolicy, roles } from '../../platform/policy.js';

/** Who reads and maintains the registry of places and organisations (everyone reads it). */
export const registryPermissions = definePolicy({
  'registry.read': roles,
  'registry.manage': ['amministratore'],
  'organisations.read': roles,
  'organisations.manage': ['amministratore'],
});

type RegistryPermission = (typeof registryPermissions)[number];
declare module '../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<RegistryPermission, true> {}
}
