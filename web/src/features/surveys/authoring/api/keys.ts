/**
 * Every react-query key of the surveys' authoring pages, so queries and the invalidations after a
 * write agree. `surveys` invalidates everything under it.
 */
export const authoringKeys = {
  surveys: ['surveys', 'authoring'] as const,
  list: ['surveys', 'authoring', 'list'] as const,
  survey: (surveyId: string) => ['surveys', 'authoring', 'survey', surveyId] as const,
  version: (versionId: string) => ['surveys', 'authoring', 'version', versionId] as const,
};
