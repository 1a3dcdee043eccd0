import type { CasesQuery, ReferralsQuery } from './types';

/**
 * Every react-query key of the cases feature, so queries and the invalidations after a write
 * agree. Prefix keys (`cases`, `caseLists`, `referrals`) invalidate everything under them.
 */
export const casesKeys = {
  cases: ['pilot', 'cases'] as const,
  caseLists: ['pilot', 'cases', 'list'] as const,
  caseList: (query: CasesQuery) => ['pilot', 'cases', 'list', query] as const,
  case: (caseId: string) => ['pilot', 'cases', 'one', caseId] as const,
  closurePreview: (caseId: string) => ['pilot', 'cases', 'closure-preview', caseId] as const,
  pais: ['pilot', 'pais'] as const,
  outcomes: (caseId: string) => ['pilot', 'cases', 'outcomes', caseId] as const,
  viewers: (personId: string) => ['pilot', 'viewers', personId] as const,
  documents: (caseId: string) => ['pilot', 'cases', 'documents', caseId] as const,
  notes: (caseId: string) => ['pilot', 'cases', 'notes', caseId] as const,
  accessPackage: (personId: string, lang: string) => ['pilot', 'access-package', personId, lang] as const,
  pai: (paiId: string) => ['pilot', 'pais', paiId] as const,
  paiVersion: (paiId: string, version: number) => ['pilot', 'pais', paiId, 'versions', version] as const,
  referrals: ['pilot', 'referrals'] as const,
  referralList: (query: ReferralsQuery) => ['pilot', 'referrals', query] as const,
  indicators: ['pilot', 'indicators'] as const,
  importCaseManagers: ['pilot', 'import', 'case-managers'] as const,
  caseManagers: ['pilot', 'case-managers'] as const,
};
