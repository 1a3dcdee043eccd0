/** The react-query keys of the surveys' results part. */
export const resultsKeys = {
  all: ['surveys', 'results'] as const,
  questions: (waveId: string) => ['surveys', 'results', waveId, 'questions'] as const,
  results: (waveId: string, query: object) => ['surveys', 'results', waveId, 'one', query] as const,
  crosstab: (waveId: string, query: object) => ['surveys', 'results', waveId, 'crosstab', query] as const,
  settlements: (waveId: string, query: object) => ['surveys', 'results', waveId, 'settlements', query] as const,
  areas: (waveId: string, query: object) => ['surveys', 'results', waveId, 'areas', query] as const,
  regionComuni: (waveId: string) => ['surveys', 'results', waveId, 'region-comuni'] as const,
  mine: (waveId: string) => ['surveys', 'results', waveId, 'mine'] as const,
};
