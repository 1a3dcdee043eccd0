import { createContext, useContext } from 'react';
import type { AnswerIssue, Choice, FormLanguage, ItemState } from '../../../lib/form-engine';

/** What every part of the questionnaire reads: the engine's findings and the props of the whole */
export interface QuestionnaireContext {
  language: FormLanguage;
  readOnly: boolean;
  idPrefix: string;
  states: ReadonlyMap<string, ItemState>;
  issues: ReadonlyMap<string, readonly AnswerIssue[]>;
  lists: ReadonlyMap<string, readonly Choice[]>;
  flags: Readonly<Record<string, { reason: string }>> | undefined;
  editable: ((name: string) => boolean) | undefined;
}

export const Ctx = createContext<QuestionnaireContext | null>(null);

export function useQuestionnaire(): QuestionnaireContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('Questionnaire parts must be inside <Questionnaire>');
  return ctx;
}

/** The id of a question's main input (the target of the "what is missing" links) */
export const fieldId = (prefix: string, path: string): string => `${prefix}${path}`;

/** One place in the answers: the repeat entries around it, its object, and how to change a key of it */
export interface Scope {
  at: readonly { repeat: string; index: number }[];
  node: Readonly<Record<string, unknown>>;
  set: (key: string, value: unknown) => void;
}
