import { api, unwrap } from '../../../../api/client';
import { useProjectWrite } from './update-project';

export type ProjectTransition = 'submit' | 'start' | 'close';

/** Present (BOZZA → PRESENTATO), start (APPROVATO → IN_CORSO) or close (IN_CORSO → CONCLUSO) a project. */
export function useProjectTransition(projectId: string) {
  return useProjectWrite(projectId, ({ to, rowVersion }: { to: ProjectTransition; rowVersion: number }) => {
    const init = { params: { path: { projectId } }, body: { rowVersion } };
    if (to === 'submit') return unwrap(api.POST('/api/v1/projects/{projectId}/submit', init));
    if (to === 'start') return unwrap(api.POST('/api/v1/projects/{projectId}/start', init));
    return unwrap(api.POST('/api/v1/projects/{projectId}/close', init));
  });
}
