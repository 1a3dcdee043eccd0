import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

const ClaimsPage = lazyPage(() => import('./ClaimsPage'), 'ClaimsPage');
const ClaimPage = lazyPage(() => import('./ClaimPage'), 'ClaimPage');
const RevisorePage = lazyPage(() => import('./RevisorePage'), 'RevisorePage');

/**
 * The pages of the projects' claims (listed in ../index.ts): a project's claims with its revisori,
 * one claim with its verification, and the revisore's own assignments.
 */
export const claimsPages: readonly FeaturePage[] = [
  { path: 'progetti/:projectId/domande', page: ClaimsPage, permission: Permission.projectsRead },
  { path: 'progetti/:projectId/domande/:claimId', page: ClaimPage, permission: Permission.projectsRead },
  { path: 'revisore', page: RevisorePage, permission: Permission.projectsClaimsVerify },
];
export const claimsMenu: readonly FeatureMenuItem[] = [
  { to: '/revisore', labelKey: 'projects.claims.menu', permission: Permission.projectsClaimsVerify },
];
