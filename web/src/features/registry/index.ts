export { ComuniListPage } from './ComuniListPage';
export { ComuneDetailPage } from './ComuneDetailPage';
export { SourcesAttribution } from './SourcesAttribution';
