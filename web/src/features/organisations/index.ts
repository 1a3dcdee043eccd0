import { lazyPage } from '../../lib/lazyPage';

export const OrganisationsListPage = lazyPage(() => import('./OrganisationsListPage'), 'OrganisationsListPage');
export const OrganisationDetailPage = lazyPage(() => import('./OrganisationDetailPage'), 'OrganisationDetailPage');
export const OrganisationCreatePage = lazyPage(() => import('./OrganisationCreatePage'), 'OrganisationCreatePage');
