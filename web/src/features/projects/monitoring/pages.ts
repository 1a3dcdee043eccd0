import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the projects' monitoring (listed in ../index.ts). */
export const monitoringPages: readonly FeaturePage[] = [];
export const monitoringMenu: readonly FeatureMenuItem[] = [];
