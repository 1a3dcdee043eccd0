import { definePolicy } from '../../../platform/policy.js';

/**
 * Who reads the projects' dashboards (issue 12 item 8). The national view (every project by
 * Region, call and status; claims waiting; critical issues; the XLSX export) is ANCI/Cittalia's,
 * MLPS's and a Regione's — row-level security narrows a Regione to its own Comuni. The Comune's
 * view (its own projects' spending and deadlines) is its referente's and responsabile
 * amministrativo's.
 */
export const dashboardsPermissions = definePolicy({
  'projects.dashboards.national': ['assistenza_tecnica', 'mlps', 'regione'],
  'projects.dashboards.comune': ['referente_comunale', 'responsabile_amministrativo'],
});

type DashboardsPermission = (typeof dashboardsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<DashboardsPermission, true> {}
}
