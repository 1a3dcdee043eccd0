/**
 * The sections of the public site (no login), in menu order. Each is a page of another feature;
 * app/ shows a section only when its page is registered (app/site.ts), so a section whose feature
 * is not there yet is neither linked nor faked. No React here: the list is plain data.
 */
import type { IconName } from '../../components/icons';

export type SiteSectionKey = 'events' | 'practices' | 'caseStudies' | 'publications' | 'openData' | 'faq';

export interface SiteSection {
  key: SiteSectionKey;
  /** The section's address, also its route path with a leading slash. */
  to: string;
  icon: IconName;
}

export const siteSections: readonly SiteSection[] = [
  { key: 'events', to: '/eventi', icon: 'calendar' },
  { key: 'practices', to: '/buone-pratiche', icon: 'star-outline' },
  { key: 'caseStudies', to: '/casi-studio', icon: 'note' },
  { key: 'publications', to: '/pubblicazioni', icon: 'bookmark' },
  { key: 'openData', to: '/dati-aperti', icon: 'chart-line' },
  { key: 'faq', to: '/domande-frequenti', icon: 'help-circle' },
];
