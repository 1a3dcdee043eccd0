/** Every react-query key of the waves part, so queries and the invalidations after a write agree. */
export const wavesKeys = {
  all: ['surveys', 'waves'] as const,
  ofSurvey: (surveyId: string) => ['surveys', 'waves', 'survey', surveyId] as const,
  wave: (waveId: string) => ['surveys', 'waves', 'one', waveId] as const,
  funnel: (waveId: string, groupBy: string) => ['surveys', 'waves', 'one', waveId, 'funnel', groupBy] as const,
  statusMap: (waveId: string) => ['surveys', 'waves', 'one', waveId, 'status-map'] as const,
  comuni: (waveId: string, query: object) => ['surveys', 'waves', 'one', waveId, 'comuni', query] as const,
  preview: (rule: unknown) => ['surveys', 'universe', rule] as const,
  links: (responseId: string) => ['surveys', 'links', responseId] as const,
  contacts: (istat: string) => ['surveys', 'contacts', istat] as const,
  provinces: ['registry', 'provinces'] as const,
};
