/** Every react-query key of a Comune's questionnaires and their review. */
export const fillKeys = {
  all: ['surveys', 'responses'] as const,
  mine: ['surveys', 'responses', 'mine'] as const,
  response: (id: string) => ['surveys', 'responses', id] as const,
  history: (id: string) => ['surveys', 'responses', id, 'history'] as const,
  queue: (waveId: string, status: string, page: number) => ['surveys', 'review-queue', waveId, status, page] as const,
  link: ['surveys', 'link-response'] as const,
};
