import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import itCore from '../i18n/it.json';
import itCases from '../features/cases/i18n/it.json';
import itMonitoring from '../features/monitoring/i18n/it.json';
import itHelp from '../features/help/i18n/it.json';
import itSite from '../features/site/i18n/site.it.json';
import itSurveysAuthoring from '../features/surveys/i18n/authoring.it.json';
import itSurveysWaves from '../features/surveys/i18n/waves.it.json';
import itSurveysFill from '../features/surveys/i18n/fill.it.json';
import itSurveysReview from '../features/surveys/i18n/review.it.json';
import itSurveysMessages from '../features/surveys/i18n/messages.it.json';
import itSurveysResults from '../features/surveys/i18n/results.it.json';
import itSurveysCommon from '../features/surveys/i18n/common.it.json';
import itSurveysMaps from '../features/surveys/i18n/maps.it.json';
import itSurveysExports from '../features/surveys/i18n/exports.it.json';
import itSurveysComparison from '../features/surveys/i18n/comparison.it.json';
import itSurveysReport from '../features/surveys/i18n/report.it.json';
import itSurveysOpenData from '../features/surveys/i18n/opendata.it.json';
import itProjectsCalls from '../features/projects/i18n/calls.it.json';
import itProjectsDesign from '../features/projects/i18n/design.it.json';
import itProjectsExpenses from '../features/projects/i18n/expenses.it.json';
import itProjectsClaims from '../features/projects/i18n/claims.it.json';
import itProjectsMonitoring from '../features/projects/i18n/monitoring.it.json';
import itProjectsQueries from '../features/projects/i18n/queries.it.json';
import itProjectsDashboards from '../features/projects/i18n/dashboards.it.json';
import itProjectsCommon from '../features/projects/i18n/common.it.json';
import itPlansPlans from '../features/plans/i18n/plans.it.json';
import itPlansActions from '../features/plans/i18n/actions.it.json';
import itPlansCoverage from '../features/plans/i18n/coverage.it.json';
import itPlansNetworks from '../features/plans/i18n/networks.it.json';
import itPlansDialogue from '../features/plans/i18n/dialogue.it.json';
import itPlansCommon from '../features/plans/i18n/common.it.json';
import itEventsEvents from '../features/events/i18n/events.it.json';
import itEventsRegistrations from '../features/events/i18n/registrations.it.json';
import itEventsAttendance from '../features/events/i18n/attendance.it.json';
import itEventsFeedback from '../features/events/i18n/feedback.it.json';
import itEventsCommon from '../features/events/i18n/common.it.json';
import itKnowledgePublications from '../features/knowledge/i18n/publications.it.json';
import itKnowledgePractices from '../features/knowledge/i18n/practices.it.json';
import itHelpdeskRequests from '../features/helpdesk/i18n/requests.it.json';
import itHelpdeskAnswers from '../features/helpdesk/i18n/answers.it.json';
import itHelpdeskFigures from '../features/helpdesk/i18n/figures.it.json';
import itHelpdeskCommon from '../features/helpdesk/i18n/common.it.json';
// The pilot's domain labels (statuses, relations, measure types…): one catalogue per language that
// the server's renders (PDF, XLSX, e-mail) read too. The pilot's features mount them in their own
// namespaces (`cases.caseStatus.aperto`, `monitoring.caseStatus.aperto`).
import itLabels from '../../../server/modules/pilot/shared/labels/it.json';
// English comes in its own chunk (app/i18n.en.ts); only its type is read here.
import type { english as englishCatalogue } from './i18n.en';

// Each pilot feature keeps its own catalogue, mounted under its own key.
const it = {
  ...itCore,
  cases: { ...itCases, ...itLabels },
  monitoring: { ...itMonitoring, ...itLabels },
  help: itHelp,
  // the public site's words (features/site)
  site: itSite,
  // the surveys' catalogue, one file per part of the feature (features/surveys/i18n)
  surveys: {
    authoring: itSurveysAuthoring,
    waves: itSurveysWaves,
    fill: itSurveysFill,
    review: itSurveysReview,
    messages: itSurveysMessages,
    results: itSurveysResults,
    common: itSurveysCommon,
    maps: itSurveysMaps,
    exports: itSurveysExports,
    comparison: itSurveysComparison,
    report: itSurveysReport,
    opendata: itSurveysOpenData,
  },
  // the projects' catalogue, one file per part of the feature (features/projects/i18n)
  projects: {
    calls: itProjectsCalls,
    design: itProjectsDesign,
    expenses: itProjectsExpenses,
    claims: itProjectsClaims,
    monitoring: itProjectsMonitoring,
    queries: itProjectsQueries,
    dashboards: itProjectsDashboards,
    common: itProjectsCommon,
  },
  // the plans' catalogue, one file per part of the feature (features/plans/i18n)
  plans: {
    plans: itPlansPlans,
    actions: itPlansActions,
    coverage: itPlansCoverage,
    networks: itPlansNetworks,
    dialogue: itPlansDialogue,
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
  // the help desk's catalogue, one file per part of the feature (features/helpdesk/i18n)
  helpdesk: {
    requests: itHelpdeskRequests,
    answers: itHelpdeskAnswers,
    figures: itHelpdeskFigures,
    common: itHelpdeskCommon,
  },
};
type English = typeof englishCatalogue;

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Only the language code is stored in the browser: it is a preference, not personal data.
const STORAGE_KEY = 'incas.lang';

// The two catalogues must have exactly the same keys: these lines fail to compile otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameKeys: Same<typeof it, English> = true;
void _sameKeys;

async function loadEnglish(): Promise<typeof it> {
  const { english } = await import('./i18n.en');
  return english;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof it };
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
  const resources: Record<string, { translation: typeof it }> = { it: { translation: it } };
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
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', applyLanguage);
})();

/** Switches the UI language, fetching the English catalogue first if it is not in yet. */
export async function setLanguage(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', await loadEnglish());
  }
  await i18n.changeLanguage(language);
}

export default i18n;
