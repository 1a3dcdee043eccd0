import type { FeatureDefinition } from '../../lib/feature';
import { callsMenu, callsPages } from './calls/pages';
import { claimsMenu, claimsPages } from './claims/pages';
import { dashboardsMenu, dashboardsPages } from './dashboards/pages';
import { designMenu, designPages } from './design/pages';
import { expensesMenu, expensesPages } from './expenses/pages';
import { monitoringMenu, monitoringPages } from './monitoring/pages';
import { queriesMenu, queriesPages } from './queries/pages';

/**
 * The MLPS-funded projects (issue 12): calls and their rules, a project's design and budget, its
 * expenses, its reimbursement claims and their verification, quarterly monitoring, query threads
 * and the dashboards. Each part lists its own pages; its words are under `projects.<part>.*`, the
 * shared ones (statuses, categories, money) under `projects.common.*`.
 */
export const projectsFeature: FeatureDefinition = {
  name: 'projects',
  pages: [
    ...callsPages,
    ...designPages,
    ...expensesPages,
    ...claimsPages,
    ...monitoringPages,
    ...queriesPages,
    ...dashboardsPages,
  ],
  menu: [
    ...dashboardsMenu,
    ...designMenu,
    ...expensesMenu,
    ...claimsMenu,
    ...queriesMenu,
    ...monitoringMenu,
    ...callsMenu,
  ],
};
