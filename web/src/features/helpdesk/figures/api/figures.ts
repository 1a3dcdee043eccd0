/** The help desk's figures (operationId getHelpFigures). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import type { components } from '../../../../api/schema';

export type Figures = components['schemas']['HelpFigures'];
export interface FiguresFilters {
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function useHelpFigures(f: FiguresFilters) {
  return useQuery({
    queryKey: ['helpdesk', 'figures', { ...f }] as const,
    queryFn: () => unwrap(api.GET('/api/v1/help-figures', { params: { query: f } })),
  });
}
