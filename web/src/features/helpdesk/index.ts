import type { FeatureDefinition } from '../../lib/feature';
import { answersMenu, answersPages, answersPublicPages } from './answers/pages';
import { figuresMenu, figuresPages } from './figures/pages';
import { requestsMenu, requestsPages } from './requests/pages';

/**
 * The technical-assistance help desk (issue 14 item 4): a Comune's requests and the help desk's
 * queue (requests), the knowledge base with its public page /domande-frequenti (answers), the
 * figures for the monitoring reports (figures). Words under `helpdesk.<part>.*`, the shared ones
 * (topics, states) under `helpdesk.common.*`.
 */
export const helpdeskFeature: FeatureDefinition = {
  name: 'helpdesk',
  publicPages: [...answersPublicPages],
  pages: [...requestsPages, ...answersPages, ...figuresPages],
  menu: [...requestsMenu, ...answersMenu, ...figuresMenu],
};
