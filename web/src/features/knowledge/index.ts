import type { FeatureDefinition } from '../../lib/feature';
import { publicationsMenu, publicationsPages, publicationsPublicPages } from './publications/pages';
import { practicesMenu, practicesPages, practicesPublicPages } from './practices/pages';

/**
 * Knowledge of InCaS plus (issue 14 items 2–3): good practices and case studies (practices), the
 * public library of publications (publications). Each part lists its own pages; its words are
 * under `knowledge.<part>.*`.
 */
export const knowledgeFeature: FeatureDefinition = {
  name: 'knowledge',
  publicPages: [...practicesPublicPages, ...publicationsPublicPages],
  pages: [...practicesPages, ...publicationsPages],
  menu: [...practicesMenu, ...publicationsMenu],
};
