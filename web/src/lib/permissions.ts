/** Permission names the UI checks; the server enforces them again on every call. */
export const Permission = {
  registryRead: 'registry.read',
  registryManage: 'registry.manage',
  organisationsRead: 'organisations.read',
  organisationsManage: 'organisations.manage',
  usersManage: 'users.manage',
  auditRead: 'audit.read',
  auditVerify: 'audit.verify',
} as const;
