import { defineErrors } from '../../../platform/errors.js';

/** Error codes of the projects' queries. */
export const queriesErrors = defineErrors({
  'projects.query.not_found': 'not_found',
  // only the side that asked (ANCI/Cittalia or MLPS) replies to and resolves its thread
  'projects.query.not_asker': 'forbidden',
});

type QueriesErrors = typeof queriesErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends QueriesErrors {}
}
