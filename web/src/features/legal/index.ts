import { lazyPage } from '../../lib/lazyPage';

export const AccessibilityPage = lazyPage(() => import('./AccessibilityPage'), 'AccessibilityPage');
export const PrivacyPage = lazyPage(() => import('./PrivacyPage'), 'PrivacyPage');
export const LegalNotesPage = lazyPage(() => import('./LegalNotesPage'), 'LegalNotesPage');
