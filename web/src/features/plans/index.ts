import type { FeatureDefinition } from '../../lib/feature';
import { actionsMenu, actionsPages } from './actions/pages';
import { coverageMenu, coveragePages } from './coverage/pages';
import { dialogueMenu, dialoguePages } from './dialogue/pages';
import { networksMenu, networksPages } from './networks/pages';
import { plansMenu, plansPages } from './plans/pages';

/**
 * The local multi-sector plans and their governance (issue 13): a Comune's plan (plans), its
 * actions, indicators and monitorings (actions), the national coverage matrix and map (coverage),
 * tavoli, working groups and meetings (networks), the Region–Comune dialogue (dialogue). Each
 * part lists its own pages; its words are under `plans.<part>.*`, the shared ones (axes, priority
 * actions, statuses) under `plans.common.*`.
 */
export const plansFeature: FeatureDefinition = {
  name: 'plans',
  pages: [...plansPages, ...actionsPages, ...coveragePages, ...networksPages, ...dialoguePages],
  menu: [...plansMenu, ...coverageMenu, ...networksMenu, ...dialogueMenu, ...actionsMenu],
};
