import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import itCore from '../i18n/it.json';
import itHelp from '../features/help/i18n/it.json';
import itSite from '../features/site/i18n/site.it.json';
import itSurveysCommon from '../features/surveys/i18n/common.it.json';
import itSurveysMaps from '../features/surveys/i18n/maps.it.json';
import itSurveysOpenData from '../features/surveys/i18n/opendata.it.json';
import itPlansCommon from '../features/plans/i18n/common.it.json';
import itEventsEvents from '../features/events/i18n/events.it.json';
import itEventsRegistrations from '../features/events/i18n/registrations.it.json';
import itEventsAttendance from '../features/events/i18n/attendance.it.json';
import itEventsFeedback from '../features/events/i18n/feedback.it.json';
import itEventsCommon from '../features/events/i18n/common.it.json';
import itKnowledgePublications from '../features/knowledge/i18n/publications.it.json';
import itKnowledgePractices from '../features/knowledge/i18n/practices.it.json';
import itHelpdeskAnswers from '../features/helpdesk/i18n/answers.it.json';
import itHelpdeskCommon from '../features/helpdesk/i18n/common.it.json';
// English comes in its own chunk (app/i18n.en.ts), the signed-in features' Italian in another
// (app/i18n.private.ts); only their types are read here.
import type { PrivateItalian } from './i18n.private';
import type { english as englishCatalogue } from './i18n.en';

/**
 * The Italian words of the first chunk: the shell, the public site and every page a visitor may
 * open (events, knowledge, the help desk's public answers, the open data, the glossary). The words
 * of the signed-in features come in their own chunk (app/i18n.private.ts) once somebody signs in,
 * or when a page asks for one of them: they were more than half of the first chunk's bytes, and a
 * visitor's phone downloaded them before it could draw anything (decision 0060).
 */
const itPublic = {
  ...itCore,
  help: itHelp,
  // the public site's words (features/site)
  site: itSite,
  // the open data and its map (the other parts of the surveys: app/i18n.private.ts)
  surveys: {
    common: itSurveysCommon,
    maps: itSurveysMaps,
    opendata: itSurveysOpenData,
  },
  // the axes and priority actions a good practice names (the rest of the plans: app/i18n.private.ts)
  plans: {
    common: itPlansCommon,
  },
  // the events' catalogue, one file per part of the feature (features/events/i18n)
  events: {
    events: itEventsEvents,
    registrations: itEventsRegistrations,
    attendance: itEventsAttendance,
    feedback: itEventsFeedback,
    common: itEventsCommon,
  },
  // the knowledge catalogue, one file per part of the feature (features/knowledge/i18n)
  knowledge: {
    publications: itKnowledgePublications,
    practices: itKnowledgePractices,
  },
  // the help desk's public answers (its requests and figures: app/i18n.private.ts)
  helpdesk: {
    answers: itHelpdeskAnswers,
    common: itHelpdeskCommon,
  },
};

/** The whole Italian catalogue's shape: the first chunk's words and the signed-in features'. */
type Italian = typeof itPublic & PrivateItalian;
type English = typeof englishCatalogue;

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Only the language code is stored in the browser: it is a preference, not personal data.
const STORAGE_KEY = 'incas.lang';

// The two catalogues must have exactly the same keys: these lines fail to compile otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameKeys: Same<Italian, English> = true;
void _sameKeys;

async function loadEnglish(): Promise<Italian> {
  const { english } = await import('./i18n.en');
  return english;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Italian };
  }
}

/** `?lang=en` in the address: a shared link opens in the language it was shared in (and keeps it). */
function languageInAddress(): Language | null {
  const value = new URLSearchParams(window.location.search).get('lang');
  return LANGUAGES.find((l) => l === value) ?? null;
}

function storedLanguage(): Language {
  const inAddress = languageInAddress();
  if (inAddress !== null) {
    applyLanguage(inAddress);
    return inAddress;
  }
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

/**
 * Resolves once the catalogue of the stored language is in (at once for Italian; after the
 * English chunk arrives for English): main.tsx renders only then, so no page flashes in the other
 * language.
 */
export const i18nReady: Promise<void> = (async () => {
  const language = storedLanguage();
  const resources: Record<string, { translation: object }> = { it: { translation: itPublic } };
  if (language === 'en') {
    try {
      resources.en = { translation: await loadEnglish() };
    } catch {
      // the English chunk could not be fetched: Italian it is (it is also the fallback)
    }
  }
  await i18n.use(initReactI18next).init({
    resources,
    lng: language in resources ? language : 'it',
    fallbackLng: 'it',
    supportedLngs: LANGUAGES,
    // the English catalogue is added when chosen (setLanguage)
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    // a page that asks for a signed-in feature's word before its chunk is in fetches the chunk, and
    // redraws when it arrives
    saveMissing: true,
    missingKeyHandler: () => void loadFullCatalogue(),
    react: { bindI18nStore: 'added' },
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', applyLanguage);
})();

let fullCatalogue: Promise<void> | null = null;
let fullCatalogueIn = false;

/**
 * The signed-in features' Italian words, fetched once (Layout waits for them when somebody is
 * signed in; a missing word asks for them too). A failed fetch may be tried again.
 */
export function loadFullCatalogue(): Promise<void> {
  fullCatalogue ??= import('./i18n.private').then(
    ({ privateItalian }) => {
      i18n.addResourceBundle('it', 'translation', privateItalian, true, false);
      fullCatalogueIn = true;
    },
    (error: unknown) => {
      fullCatalogue = null;
      throw error;
    },
  );
  return fullCatalogue;
}

/** Whether the signed-in features' words are in (for the Layout's wait). */
export function fullCatalogueLoaded(): boolean {
  return fullCatalogueIn;
}

/** Switches the UI language, fetching the English catalogue first if it is not in yet. */
export async function setLanguage(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', await loadEnglish());
  }
  await i18n.changeLanguage(language);
}

export default i18n;
