import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the projects' calls (listed in ../index.ts). */
export const callsPages: readonly FeaturePage[] = [];
export const callsMenu: readonly FeatureMenuItem[] = [];
