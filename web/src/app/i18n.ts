import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import itCore from '../i18n/it.json';
import enCore from '../i18n/en.json';
import itCases from '../features/cases/i18n/it.json';
import enCases from '../features/cases/i18n/en.json';
import itMonitoring from '../features/monitoring/i18n/it.json';
import enMonitoring from '../features/monitoring/i18n/en.json';
// The pilot's domain labels (statuses, relations, measure types…): one catalogue per language that
// the server's renders (PDF, XLSX, e-mail) read too. The pilot's features mount them in their own
// namespaces (`cases.caseStatus.aperto`, `monitoring.caseStatus.aperto`).
import itLabels from '../../../server/modules/pilot/shared/labels/it.json';
import enLabels from '../../../server/modules/pilot/shared/labels/en.json';

// Each pilot feature keeps its own catalogue, mounted under its own key.
const it = { ...itCore, cases: { ...itCases, ...itLabels }, monitoring: { ...itMonitoring, ...itLabels } };
const en = { ...enCore, cases: { ...enCases, ...enLabels }, monitoring: { ...enMonitoring, ...enLabels } };

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Only the language code is stored in the browser: it is a preference, not personal data.
const STORAGE_KEY = 'incas.lang';

// The two catalogues must have exactly the same keys: these lines fail to compile otherwise.
const english: typeof it = en;
const _italianCoversEnglish: typeof en = it;
void _italianCoversEnglish;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof it };
  }
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'it';
  } catch {
    // Storage can be disabled by policy; Italian is the default anyway.
    return 'it';
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisting the preference is acceptable.
  }
}

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: english } },
  lng: storedLanguage(),
  fallbackLng: 'it',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', applyLanguage);

export default i18n;
