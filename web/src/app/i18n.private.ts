/**
 * The Italian words of the signed-in features, in a chunk of their own: app/i18n.ts fetches it when
 * somebody signs in, or when a page asks for one of its words (decision 0060). The public site's
 * words stay in the first chunk (app/i18n.ts, `itPublic`); the two are merged key by key.
 */
import itCases from '../features/cases/i18n/it.json';
import itMonitoring from '../features/monitoring/i18n/it.json';
import itSurveysAuthoring from '../features/surveys/i18n/authoring.it.json';
import itSurveysWaves from '../features/surveys/i18n/waves.it.json';
import itSurveysFill from '../features/surveys/i18n/fill.it.json';
import itSurveysReview from '../features/surveys/i18n/review.it.json';
import itSurveysMessages from '../features/surveys/i18n/messages.it.json';
import itSurveysResults from '../features/surveys/i18n/results.it.json';
import itSurveysExports from '../features/surveys/i18n/exports.it.json';
import itSurveysComparison from '../features/surveys/i18n/comparison.it.json';
import itSurveysReport from '../features/surveys/i18n/report.it.json';
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
import itHelpdeskRequests from '../features/helpdesk/i18n/requests.it.json';
import itHelpdeskFigures from '../features/helpdesk/i18n/figures.it.json';
// The pilot's domain labels (statuses, relations, measure types…): one catalogue per language that
// the server's renders (PDF, XLSX, e-mail) read too. The pilot's features mount them in their own
// namespaces (`cases.caseStatus.aperto`, `monitoring.caseStatus.aperto`).
import itLabels from '../../../server/modules/pilot/shared/labels/it.json';

export const privateItalian = {
  // each pilot feature keeps its own catalogue, mounted under its own key
  cases: { ...itCases, ...itLabels },
  monitoring: { ...itMonitoring, ...itLabels },
  // the surveys' parts behind the login, one file per part (features/surveys/i18n)
  surveys: {
    authoring: itSurveysAuthoring,
    waves: itSurveysWaves,
    fill: itSurveysFill,
    review: itSurveysReview,
    messages: itSurveysMessages,
    results: itSurveysResults,
    exports: itSurveysExports,
    comparison: itSurveysComparison,
    report: itSurveysReport,
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
  // the plans' parts behind the login (features/plans/i18n)
  plans: {
    plans: itPlansPlans,
    actions: itPlansActions,
    coverage: itPlansCoverage,
    networks: itPlansNetworks,
    dialogue: itPlansDialogue,
  },
  // the help desk's requests and figures (features/helpdesk/i18n)
  helpdesk: {
    requests: itHelpdeskRequests,
    figures: itHelpdeskFigures,
  },
};

export type PrivateItalian = typeof privateItalian;
