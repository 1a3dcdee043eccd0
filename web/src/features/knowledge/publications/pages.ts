import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const PublicPublicationsPage = lazyPage(() => import('./PublicPublicationsPage'), 'PublicPublicationsPage');
export const PublicPublicationPage = lazyPage(() => import('./PublicPublicationPage'), 'PublicPublicationPage');
export const PublicationsAdminPage = lazyPage(() => import('./PublicationsAdminPage'), 'PublicationsAdminPage');
export const PublicationEditPage = lazyPage(() => import('./PublicationEditPage'), 'PublicationEditPage');

const readers = [Permission.knowledgePublicationsRead, Permission.knowledgePublicationsManage] as const;

/** The public library's pages (no login; listed in ../index.ts). */
export const publicationsPublicPages: readonly FeaturePage[] = [
  { path: 'pubblicazioni', page: PublicPublicationsPage },
  { path: 'pubblicazioni/:slug', page: PublicPublicationPage },
];
/** The organisers' pages (MLPS reads them). */
export const publicationsPages: readonly FeaturePage[] = [
  { path: 'pubblicazioni-gestione', page: PublicationsAdminPage, permission: readers },
  {
    path: 'pubblicazioni-gestione/nuova',
    page: PublicationEditPage,
    permission: Permission.knowledgePublicationsManage,
  },
  { path: 'pubblicazioni-gestione/:publicationId', page: PublicationEditPage, permission: readers },
];
export const publicationsMenu: readonly FeatureMenuItem[] = [
  { to: '/pubblicazioni-gestione', labelKey: 'knowledge.publications.menu', permission: readers },
];
