export { AccessibilityPage } from './AccessibilityPage';
export { PrivacyPage } from './PrivacyPage';
export { LegalNotesPage } from './LegalNotesPage';
