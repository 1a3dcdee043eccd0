import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the projects' claims (listed in ../index.ts). */
export const claimsPages: readonly FeaturePage[] = [];
export const claimsMenu: readonly FeatureMenuItem[] = [];
