/** The react-query keys of the surveys' results part. */
export const resultsKeys = {
  all: ['surveys', 'results'] as const,
  questions: (waveId: string) => ['surveys', 'results', waveId, 'questions'] as const,
  results: (waveId: string, query: object) => ['surveys', 'results', waveId, 'one', query] as const,
  crosstab: (waveId: string, query: object) => ['surveys', 'results', waveId, 'crosstab', query] as const,
  settlements: (waveId: string, query: object) => ['surveys', 'results', waveId, 'settlements', query] as const,
  report: (waveId: string) => ['surveys', 'results', waveId, 'report'] as const,
  areas: (waveId: string, query: object) => ['surveys', 'results', waveId, 'areas', query] as const,
  prepared: (waveId: string, exportId: string) => ['surveys', 'results', waveId, 'prepared', exportId] as const,
  comparableWaves: (waveId: string) => ['surveys', 'results', waveId, 'comparable'] as const,
  comparison: (waveId: string, query: object) => ['surveys', 'results', waveId, 'comparison', query] as const,
  // a pair's mapping, and every comparison of the pair (which a new mapping changes), under one prefix
  pair: (a: string, b: string) => ['surveys', 'results', 'pair', [a, b].sort().join('|')] as const,
  mappings: (a: string, b: string) => ['surveys', 'results', 'pair', [a, b].sort().join('|'), 'mappings'] as const,
  releases: (waveId: string) => ['surveys', 'results', waveId, 'open-data'] as const,
  openData: ['open-data', 'datasets'] as const,
  regionComuni: (waveId: string) => ['surveys', 'results', waveId, 'region-comuni'] as const,
  mine: (waveId: string) => ['surveys', 'results', waveId, 'mine'] as const,
};
