import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

/** The operatori and referenti of the Comune the imported cases may be given to (operationId listPilotImportCaseManagers). */
export function useImportCaseManagers() {
  return useQuery({
    queryKey: casesKeys.importCaseManagers,
    queryFn: () => unwrap(api.GET('/api/v1/pilot/import/case-managers')),
  });
}
