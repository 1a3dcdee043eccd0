import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { authoringKeys } from './keys';

export function useSurvey(surveyId: string) {
  return useQuery({
    queryKey: authoringKeys.survey(surveyId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/{surveyId}', { params: { path: { surveyId } } })),
  });
}
