import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the projects' queries (listed in ../index.ts). */
export const queriesPages: readonly FeaturePage[] = [];
export const queriesMenu: readonly FeatureMenuItem[] = [];
