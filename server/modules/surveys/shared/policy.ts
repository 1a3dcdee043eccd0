import { definePolicy } from '../../../platform/policy.js';

/**
 * Who does what in the national surveys (issue 10). ANCI/Cittalia (assistenza_tecnica) write the
 * questionnaires, run the waves and review the answers; MLPS and the administrators follow the
 * progress read-only, a Regione for its own Comuni (row-level security narrows it). In a Comune,
 * the compilatore fills in and the validatore (or the referente comunale) sends the questionnaire
 * on the Comune's behalf. A Comune without an account answers through a personal link, which
 * carries no role: the link routes check the token instead.
 */
export const surveysPermissions = definePolicy({
  'surveys.read': ['assistenza_tecnica', 'mlps', 'regione', 'amministratore'],
  'surveys.author': ['assistenza_tecnica'],
  'surveys.waves.manage': ['assistenza_tecnica'],
  'surveys.review': ['assistenza_tecnica'],
  'surveys.response.fill': ['compilatore_indagine', 'validatore_indagine', 'referente_comunale'],
  'surveys.response.submit': ['validatore_indagine', 'referente_comunale'],
  'surveys.contacts.write': ['assistenza_tecnica', 'validatore_indagine', 'referente_comunale'],
  // a wave's results (decision 0038): controlled for MLPS, the administrators and the Regioni
  // (national figures; a Regione narrows them only to its own Region); `full` adds the exact figures
  // and the free texts (ANCI/Cittalia)
  'surveys.results.read': ['assistenza_tecnica', 'mlps', 'regione', 'amministratore'],
  'surveys.results.full': ['assistenza_tecnica'],
  // a Comune reads its own answers beside its Region's and Italy's figures (controlled as for MLPS),
  // once sent, and its own figures in two waves (decision 0043); ANCI/Cittalia record how the
  // questionnaires changed between waves
  'surveys.results.own': ['compilatore_indagine', 'validatore_indagine', 'referente_comunale'],
  'surveys.comparison.manage': ['assistenza_tecnica'],
  // open data (decision 0044): releasing a wave's disclosure-controlled aggregates to the public
  // catalogue, and withdrawing them
  'surveys.opendata.release': ['assistenza_tecnica'],
});

type SurveysPermission = (typeof surveysPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<SurveysPermission, true> {}
}
