import { lazyPage } from '../../lib/lazyPage';

export const ComuniListPage = lazyPage(() => import('./ComuniListPage'), 'ComuniListPage');
export const ComuneDetailPage = lazyPage(() => import('./ComuneDetailPage'), 'ComuneDetailPage');
// In the footer of every page, hence not lazy.
export { SourcesAttribution } from './SourcesAttribution';
