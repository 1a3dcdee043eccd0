import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the projects' dashboards (listed in ../index.ts). */
export const dashboardsPages: readonly FeaturePage[] = [];
export const dashboardsMenu: readonly FeatureMenuItem[] = [];
