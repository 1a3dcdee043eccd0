import type { FeatureDefinition } from '../../lib/feature';
import { lazyPage } from '../../lib/lazyPage';

export const AccessibilityPage = lazyPage(() => import('./AccessibilityPage'), 'AccessibilityPage');
export const PrivacyPage = lazyPage(() => import('./PrivacyPage'), 'PrivacyPage');
export const LegalNotesPage = lazyPage(() => import('./LegalNotesPage'), 'LegalNotesPage');

export const legalFeature: FeatureDefinition = {
  name: 'legal',
  publicPages: [
    { path: 'accessibilita', page: AccessibilityPage },
    { path: 'privacy', page: PrivacyPage },
    { path: 'note-legali', page: LegalNotesPage },
  ],
};
