/**
 * The English catalogue, in a chunk of its own: most people use the platform in Italian, and the
 * English words (about a fifth of the first page's script) are downloaded only by those who choose
 * English (app/i18n.ts loads it before the first render when English is the stored choice).
 */
import enCore from '../i18n/en.json';
import enCases from '../features/cases/i18n/en.json';
import enMonitoring from '../features/monitoring/i18n/en.json';
import enLabels from '../../../server/modules/pilot/shared/labels/en.json';
import enHelp from '../features/help/i18n/en.json';
import enSite from '../features/site/i18n/site.en.json';
import enSurveysAuthoring from '../features/surveys/i18n/authoring.en.json';
import enSurveysWaves from '../features/surveys/i18n/waves.en.json';
import enSurveysFill from '../features/surveys/i18n/fill.en.json';
import enSurveysReview from '../features/surveys/i18n/review.en.json';
import enSurveysMessages from '../features/surveys/i18n/messages.en.json';
import enSurveysResults from '../features/surveys/i18n/results.en.json';
import enSurveysCommon from '../features/surveys/i18n/common.en.json';
import enSurveysMaps from '../features/surveys/i18n/maps.en.json';
import enSurveysExports from '../features/surveys/i18n/exports.en.json';
import enSurveysComparison from '../features/surveys/i18n/comparison.en.json';
import enSurveysReport from '../features/surveys/i18n/report.en.json';
import enSurveysOpenData from '../features/surveys/i18n/opendata.en.json';
import enProjectsCalls from '../features/projects/i18n/calls.en.json';
import enProjectsDesign from '../features/projects/i18n/design.en.json';
import enProjectsExpenses from '../features/projects/i18n/expenses.en.json';
import enProjectsClaims from '../features/projects/i18n/claims.en.json';
import enProjectsMonitoring from '../features/projects/i18n/monitoring.en.json';
import enProjectsQueries from '../features/projects/i18n/queries.en.json';
import enProjectsDashboards from '../features/projects/i18n/dashboards.en.json';
import enProjectsCommon from '../features/projects/i18n/common.en.json';
import enPlansPlans from '../features/plans/i18n/plans.en.json';
import enPlansActions from '../features/plans/i18n/actions.en.json';
import enPlansCoverage from '../features/plans/i18n/coverage.en.json';
import enPlansNetworks from '../features/plans/i18n/networks.en.json';
import enPlansDialogue from '../features/plans/i18n/dialogue.en.json';
import enPlansCommon from '../features/plans/i18n/common.en.json';
import enEventsEvents from '../features/events/i18n/events.en.json';
import enEventsRegistrations from '../features/events/i18n/registrations.en.json';
import enEventsAttendance from '../features/events/i18n/attendance.en.json';
import enEventsFeedback from '../features/events/i18n/feedback.en.json';
import enEventsCommon from '../features/events/i18n/common.en.json';
import enKnowledgePublications from '../features/knowledge/i18n/publications.en.json';
import enKnowledgePractices from '../features/knowledge/i18n/practices.en.json';
import enHelpdeskRequests from '../features/helpdesk/i18n/requests.en.json';
import enHelpdeskAnswers from '../features/helpdesk/i18n/answers.en.json';
import enHelpdeskFigures from '../features/helpdesk/i18n/figures.en.json';
import enHelpdeskCommon from '../features/helpdesk/i18n/common.en.json';

export const english = {
  ...enCore,
  cases: { ...enCases, ...enLabels },
  monitoring: { ...enMonitoring, ...enLabels },
  help: enHelp,
  // the public site's words (features/site)
  site: enSite,
  // the surveys' catalogue, one file per part of the feature (features/surveys/i18n)
  surveys: {
    authoring: enSurveysAuthoring,
    waves: enSurveysWaves,
    fill: enSurveysFill,
    review: enSurveysReview,
    messages: enSurveysMessages,
    results: enSurveysResults,
    common: enSurveysCommon,
    maps: enSurveysMaps,
    exports: enSurveysExports,
    comparison: enSurveysComparison,
    report: enSurveysReport,
    opendata: enSurveysOpenData,
  },
  // the projects' catalogue, one file per part of the feature (features/projects/i18n)
  projects: {
    calls: enProjectsCalls,
    design: enProjectsDesign,
    expenses: enProjectsExpenses,
    claims: enProjectsClaims,
    monitoring: enProjectsMonitoring,
    queries: enProjectsQueries,
    dashboards: enProjectsDashboards,
    common: enProjectsCommon,
  },
  // the plans' catalogue, one file per part of the feature (features/plans/i18n)
  plans: {
    plans: enPlansPlans,
    actions: enPlansActions,
    coverage: enPlansCoverage,
    networks: enPlansNetworks,
    dialogue: enPlansDialogue,
    common: enPlansCommon,
  },
  // the events' catalogue, one file per part of the feature (features/events/i18n)
  events: {
    events: enEventsEvents,
    registrations: enEventsRegistrations,
    attendance: enEventsAttendance,
    feedback: enEventsFeedback,
    common: enEventsCommon,
  },
  // the knowledge catalogue, one file per part of the feature (features/knowledge/i18n)
  knowledge: {
    publications: enKnowledgePublications,
    practices: enKnowledgePractices,
  },
  // the help desk's catalogue, one file per part of the feature (features/helpdesk/i18n)
  helpdesk: {
    requests: enHelpdeskRequests,
    answers: enHelpdeskAnswers,
    figures: enHelpdeskFigures,
    common: enHelpdeskCommon,
  },
};
