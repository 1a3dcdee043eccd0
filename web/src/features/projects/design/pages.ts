import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the projects' design (listed in ../index.ts). */
export const designPages: readonly FeaturePage[] = [];
export const designMenu: readonly FeatureMenuItem[] = [];
