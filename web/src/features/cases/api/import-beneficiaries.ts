import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ImportBody } from './types';
import { casesKeys } from './keys';

export function useImportPilotBeneficiaries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportBody) => unwrap(api.POST('/api/v1/pilot/import', { body })),
    onSuccess: (report) =>
      report.imported > 0 ? queryClient.invalidateQueries({ queryKey: casesKeys.caseLists }) : undefined,
  });
}
