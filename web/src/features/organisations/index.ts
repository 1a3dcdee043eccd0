import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { Permission } from '../../lib/permissions';

export const OrganisationsListPage = lazyPage(() => import('./OrganisationsListPage'), 'OrganisationsListPage');
export const OrganisationDetailPage = lazyPage(() => import('./OrganisationDetailPage'), 'OrganisationDetailPage');
export const OrganisationCreatePage = lazyPage(() => import('./OrganisationCreatePage'), 'OrganisationCreatePage');

const canRead = [Permission.organisationsRead, Permission.organisationsManage];

export const organisationsFeature: FeatureDefinition = {
  name: 'organisations',
  pages: [
    { path: 'organizzazioni', page: OrganisationsListPage, permission: canRead },
    { path: 'organizzazioni/nuova', page: OrganisationCreatePage, permission: Permission.organisationsManage },
    { path: 'organizzazioni/:id', page: OrganisationDetailPage, permission: canRead },
  ],
  menu: [{ to: '/organizzazioni', labelKey: 'nav.organisations', permission: canRead }],
};
