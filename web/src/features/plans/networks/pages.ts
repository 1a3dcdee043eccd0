import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the plans' networks (listed in ../index.ts). */
export const networksPages: readonly FeaturePage[] = [];
export const networksMenu: readonly FeatureMenuItem[] = [];
