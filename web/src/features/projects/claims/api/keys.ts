/** The react-query keys of the projects' claims part. */
export const claimsKeys = {
  all: ['projects', 'claims'] as const,
  list: (projectId: string) => ['projects', 'claims', projectId, 'list'] as const,
  one: (projectId: string, claimId: string) => ['projects', 'claims', projectId, 'one', claimId] as const,
  revisori: (projectId: string) => ['projects', 'claims', projectId, 'revisori'] as const,
  picker: (q: string) => ['projects', 'claims', 'picker', q] as const,
  mine: ['projects', 'claims', 'mine'] as const,
};
