import { defineErrors } from '../../../platform/errors.js';

/** Error codes shared by every part of the knowledge module; each part declares its own in `<part>.errors.ts`. */
export const knowledgeErrors = defineErrors({
  // someone else changed it since the page read it (row_version)
  'knowledge.stale': 'conflict',
  // the action does not fit the item's state (context.status)
  'knowledge.state': 'conflict',
});

type KnowledgeErrors = typeof knowledgeErrors;
declare module '../../../platform/errors.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends KnowledgeErrors {}
}
