import { defineErrors } from '../../../platform/errors.js';

/**
 * Error codes shared by every part of the projects module. Each part (calls, design, expenses,
 * claims…) declares its own in `<part>.errors.ts`.
 */
export const projectsErrors = defineErrors({
  // a project the actor cannot see (another Comune's, or not assigned to this revisore) is 404
  'projects.project.not_found': 'not_found',
  // only the staff of the project's lead Comune change it
  'projects.project.not_owner': 'forbidden',
  // someone else changed it since the page read it (row_version)
  'projects.stale': 'conflict',
  // the action does not fit the current state (context.status)
  'projects.state': 'conflict',
  // the revisore's assignment does not cover today or this period
  'projects.revisore.not_assigned': 'forbidden',
});

type ProjectsErrors = typeof projectsErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ProjectsErrors {}
}
