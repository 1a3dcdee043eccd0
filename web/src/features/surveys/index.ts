import { lazy } from 'react';
import type { FeatureDefinition } from '../../lib/feature';
import { authoringMenu, authoringPages, authoringPublicPages } from './authoring/pages';
import { fillMenu, fillPages, fillPublicPages } from './fill/pages';
import { messagesMenu, messagesPages, messagesPublicPages } from './messages/pages';
import { resultsMenu, resultsPages, resultsPublicPages } from './results/pages';
import { wavesMenu, wavesPages, wavesPublicPages } from './waves/pages';

/**
 * The national surveys: questionnaires and versions (authoring), waves and their funnel (waves),
 * a Comune's questionnaire and its review (fill), invitations, reminders and the phone list
 * (messages), the results per question and their cross-tabulation (results). Each part lists its own pages; its words are under `surveys.<part>.*`.
 */
export const surveysFeature: FeatureDefinition = {
  name: 'surveys',
  publicPages: [
    ...authoringPublicPages,
    ...wavesPublicPages,
    ...fillPublicPages,
    ...messagesPublicPages,
    ...resultsPublicPages,
  ],
  pages: [...authoringPages, ...wavesPages, ...fillPages, ...messagesPages, ...resultsPages],
  menu: [...fillMenu, ...authoringMenu, ...wavesMenu, ...messagesMenu, ...resultsMenu],
};

/**
 * The choropleth map of Italy (decision 0039), for the other features through app/ (the map slot,
 * lib/area-map.tsx): loaded on demand, in its own chunk.
 */
export const SurveysChoroplethMap = lazy(() =>
  import('./maps/ChoroplethMap').then((m) => ({ default: m.ChoroplethMap })),
);

/**
 * The questionnaire renderer (the form engine live, the fields, the "what is missing" list), for
 * the other features through app/ (the questionnaire slot, lib/questionnaire.tsx): the events'
 * feedback questionnaire. Loaded on demand.
 */
export const SurveysQuestionnaire = lazy(() =>
  import('./questionnaire/Questionnaire').then((m) => ({ default: m.Questionnaire })),
);
