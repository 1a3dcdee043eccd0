import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { Permission } from '../../lib/permissions';

export const CasesListPage = lazyPage(() => import('./CasesListPage'), 'CasesListPage');
export const CaseCreatePage = lazyPage(() => import('./CaseCreatePage'), 'CaseCreatePage');
export const CaseDetailPage = lazyPage(() => import('./CaseDetailPage'), 'CaseDetailPage');
export const PaiPage = lazyPage(() => import('./PaiPage'), 'PaiPage');
export const ReferralsPage = lazyPage(() => import('./ReferralsPage'), 'ReferralsPage');
export const AccessPackagePage = lazyPage(() => import('./AccessPackagePage'), 'AccessPackagePage');

export const casesFeature: FeatureDefinition = {
  name: 'cases',
  pages: [
    { path: 'casi', page: CasesListPage, permission: Permission.pilotCasesRead },
    { path: 'casi/nuovo', page: CaseCreatePage, permission: Permission.pilotCasesWrite },
    { path: 'casi/:caseId', page: CaseDetailPage, permission: Permission.pilotCasesRead },
    { path: 'pai/:paiId', page: PaiPage, permission: Permission.pilotCasesRead },
    { path: 'segnalazioni', page: ReferralsPage, permission: Permission.pilotCasesRead },
    { path: 'persone/:personId/accesso', page: AccessPackagePage, permission: Permission.pilotCasesExport },
  ],
  menu: [{ to: '/casi', labelKey: 'cases.nav', permission: Permission.pilotCasesRead }],
};
