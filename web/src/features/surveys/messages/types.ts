import type { components } from '../../../api/schema';

export type SurveyMessage = components['schemas']['SurveyMessage'];
export type MessageStatus = components['schemas']['SurveyMessageStatus'];
export type PhoneEntry = components['schemas']['SurveyPhoneEntry'];
export type DispatchResult = components['schemas']['SurveyDispatchResult'];

export const MESSAGE_STATUSES = [
  'in_invio',
  'inviato',
  'fallito',
  'rimbalzato',
] as const satisfies readonly MessageStatus[];

export interface MessagesQuery {
  page: number;
  pageSize: number;
  comune?: string;
  status?: MessageStatus;
}

export interface PhoneListQuery {
  page: number;
  pageSize: number;
  region?: string;
}
