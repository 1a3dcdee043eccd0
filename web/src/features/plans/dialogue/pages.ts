import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';

/** The pages of the plans' dialogue (listed in ../index.ts). */
export const dialoguePages: readonly FeaturePage[] = [];
export const dialogueMenu: readonly FeatureMenuItem[] = [];
