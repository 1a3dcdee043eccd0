import type { BodyOf, Get, Patch, SuccessOf } from '../../../api/operations';

export type SurveyResponse = SuccessOf<Get<'/api/v1/surveys/responses/{responseId}'>>;
export type ResponseState = SurveyResponse['state'];
export type MyResponse = SuccessOf<Get<'/api/v1/surveys/my/responses'>>['items'][number];
export type SaveBody = BodyOf<Patch<'/api/v1/surveys/responses/{responseId}/answers'>>;
export type SaveResult = SuccessOf<Patch<'/api/v1/surveys/responses/{responseId}/answers'>>;
export type History = SuccessOf<Get<'/api/v1/surveys/responses/{responseId}/history'>>;
export type QueueItem = SuccessOf<Get<'/api/v1/surveys/waves/{waveId}/review-queue'>>['items'][number];

export const RESPONSE_STATES = [
  'invitato',
  'sollecitato',
  'in_compilazione',
  'inviato',
  'in_validazione',
  'validato',
  'da_ricontattare',
  'consolidato',
] as const satisfies readonly ResponseState[];
