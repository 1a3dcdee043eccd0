import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the plans' plans (listed in ../index.ts). */
export const plansPages: readonly FeaturePage[] = [];
export const plansMenu: readonly FeatureMenuItem[] = [];
