import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the projects' expenses (listed in ../index.ts). */
export const expensesPages: readonly FeaturePage[] = [];
export const expensesMenu: readonly FeatureMenuItem[] = [];
