import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../api/client';
import { authoringKeys } from './keys';
import type { Version } from './types';

export function useVersion(versionId: string) {
  return useQuery({
    queryKey: authoringKeys.version(versionId),
    // the form is the questionnaire model (described as an object in the OpenAPI document)
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/surveys/versions/{versionId}', { params: { path: { versionId } } }),
      )) as unknown as Version,
  });
}
