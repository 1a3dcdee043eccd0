import type { ReactNode } from 'react';
import { lazyPage } from '../../lib/lazyPage';
import type { SiteSection } from './sections';

export { siteSections, type SiteSection, type SiteSectionKey } from './sections';

/**
 * The public site (issue 14 item 5): the home a visitor sees at "/" and the list of the public
 * sections that the header, the footer and the home link to. Its pages belong to other features;
 * app/router.tsx shows the home at "/" when nobody is signed in. Its words are under `site.*`.
 */
export const PublicHomePage = lazyPage<'PublicHomePage', { sections: readonly SiteSection[]; eventsPanel?: ReactNode }>(
  () => import('./PublicHomePage'),
  'PublicHomePage',
);
