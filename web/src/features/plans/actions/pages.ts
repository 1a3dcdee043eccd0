import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the plans' actions (listed in ../index.ts). */
export const actionsPages: readonly FeaturePage[] = [];
export const actionsMenu: readonly FeatureMenuItem[] = [];
