import type { ComuniQuery } from '../../../api/models';

/** Every react-query key of the registry feature, so queries and invalidations agree. */
export const registryKeys = {
  comuni: ['registry', 'comuni'] as const,
  comuniList: (query: ComuniQuery) => ['registry', 'comuni', query] as const,
  comune: (istatCode: string) => ['registry', 'comune', istatCode] as const,
  provinces: (region: string) => ['registry', 'provinces', region] as const,
  sources: ['registry', 'sources'] as const,
};
