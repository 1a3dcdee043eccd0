export { OrganisationsListPage } from './OrganisationsListPage';
export { OrganisationDetailPage } from './OrganisationDetailPage';
export { OrganisationCreatePage } from './OrganisationCreatePage';
