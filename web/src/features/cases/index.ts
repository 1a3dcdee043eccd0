import { lazyPage } from '../../lib/lazyPage';

export const CasesListPage = lazyPage(() => import('./CasesListPage'), 'CasesListPage');
export const CaseCreatePage = lazyPage(() => import('./CaseCreatePage'), 'CaseCreatePage');
export const CaseDetailPage = lazyPage(() => import('./CaseDetailPage'), 'CaseDetailPage');
export const PaiPage = lazyPage(() => import('./PaiPage'), 'PaiPage');
export const ReferralsPage = lazyPage(() => import('./ReferralsPage'), 'ReferralsPage');
