/**
 * The states of a Comune's response in a wave (domain.md §7.3): invitato → sollecitato* →
 * in_compilazione → inviato → in_validazione → {validato | da_ricontattare} → consolidato. One
 * list for the waves (funnel, list of Comuni), the responses (state machine) and the API enum.
 */
import { z } from 'zod';

export const responseStatuses = [
  'invitato',
  'sollecitato',
  'in_compilazione',
  'inviato',
  'in_validazione',
  'validato',
  'da_ricontattare',
  'consolidato',
] as const;
export type ResponseStatus = (typeof responseStatuses)[number];
export const responseStatusSchema = z.enum(responseStatuses).meta({ id: 'SurveyResponseStatus' });
