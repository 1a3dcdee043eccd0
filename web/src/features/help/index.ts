import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';

export const GlossaryPage = lazyPage(() => import('./GlossaryPage'), 'GlossaryPage');

/**
 * Help: the glossary of the pilot's words. A public page (it holds no data), so the login page's
 * footer links it too; signed-in users also find it in the menu. The terms' words are the
 * catalogue i18n/{it,en}.json, which components/Term.tsx shows where a page needs them.
 */
export const helpFeature: FeatureDefinition = {
  name: 'help',
  publicPages: [{ path: 'glossario', page: GlossaryPage }],
  menu: [{ to: '/glossario', labelKey: 'help.nav' }],
};
