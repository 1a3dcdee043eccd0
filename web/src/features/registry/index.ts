import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';
import { Permission } from '../../lib/permissions';

export const ComuniListPage = lazyPage(() => import('./ComuniListPage'), 'ComuniListPage');
export const ComuneDetailPage = lazyPage(() => import('./ComuneDetailPage'), 'ComuneDetailPage');
// In the footer of every page, hence not lazy.
export { SourcesAttribution } from './SourcesAttribution';

export const registryFeature: FeatureDefinition = {
  name: 'registry',
  pages: [
    { path: 'comuni', page: ComuniListPage, permission: Permission.registryRead },
    { path: 'comuni/:istatCode', page: ComuneDetailPage, permission: Permission.registryRead },
  ],
  menu: [{ to: '/comuni', labelKey: 'nav.comuni', permission: Permission.registryRead }],
};
