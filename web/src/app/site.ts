/**
 * The public site's sections that this build has: a section of features/site is shown in the
 * visitors' menu, the footer and the public home only when a feature registers its page, so a
 * section still to come is never a dead link.
 */
import { siteSections, type SiteSection } from '../features/site';
import { features } from './features';

const publicPaths = new Set(features.flatMap((f) => f.publicPages ?? []).map((p) => `/${p.path}`));

export const publicSections: readonly SiteSection[] = siteSections.filter((s) => publicPaths.has(s.to));
