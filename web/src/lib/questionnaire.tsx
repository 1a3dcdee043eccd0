/**
 * The surveys' questionnaire renderer for the other features (the events' feedback questionnaire,
 * decision 0059). A feature never imports another feature (eslint, web zones), so the renderer
 * reaches the others through this slot, like the map (area-map.tsx): app/ puts the surveys'
 * <Questionnaire> in it (App.tsx), a feature renders `<SurveyQuestionnaire …/>` with these props:
 * the same form engine, the same fields, the same "what is missing" list as a Comune's survey.
 */
import { createContext, createElement, Suspense, useContext, type ComponentType } from 'react';
import { Loading } from '../components/Loading';
import type { Answers, Form, FormLanguage } from './form-engine';

export interface SurveyQuestionnaireProps {
  form: Form;
  answers: Answers;
  /** one top-level answer changed: `{ ...answers, [name]: value }` is the new answers */
  onChange: (name: string, value: unknown) => void;
  language: FormLanguage;
  readOnly?: boolean;
  /** today in Italy, YYYY-MM-DD (the engine's today()) */
  today: string;
}

const QuestionnaireContext = createContext<ComponentType<SurveyQuestionnaireProps> | null>(null);

/** Puts the questionnaire renderer in the slot (app/ does, once). */
export const QuestionnaireProvider = QuestionnaireContext.Provider;

/** The renderer in the slot (loaded on demand); nothing without one. */
export function SurveyQuestionnaire(props: SurveyQuestionnaireProps) {
  const renderer = useContext(QuestionnaireContext);
  if (!renderer) return null;
  return <Suspense fallback={<Loading />}>{createElement(renderer, props)}</Suspense>;
}

/** Today as YYYY-MM-DD in Italy (the surveys' time zone), for the engine's today(). */
export function italianToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
}
