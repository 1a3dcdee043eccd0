import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { authoringKeys } from './keys';

export function useSurveys() {
  return useQuery({
    queryKey: authoringKeys.list,
    queryFn: () => unwrap(api.GET('/api/v1/surveys')),
  });
}
