import { definePolicy } from '../../../platform/policy.js';

/**
 * The 18-ter pilot's policy table. Person-level data stays in the Comune: the operatore (case
 * manager) reads and writes the cases assigned to them (the service checks the assignment), the
 * referente comunale every case of the Comune and decides admissions, revocations and PAIs.
 * Regions, MLPS and the administrative officer see aggregates only, disclosure-controlled;
 * technical assistance sees pseudonymised rows, never identity. The administrative officer's
 * work list (costs, allocation, budget) names no person.
 */
export const pilotPermissions = definePolicy({
  'pilot.cases.read': ['operatore', 'referente_comunale'],
  'pilot.cases.write': ['operatore', 'referente_comunale'],
  'pilot.cases.decide': ['referente_comunale'],
  'pilot.cases.export': ['referente_comunale'],
  'pilot.tasks.read': ['operatore', 'referente_comunale', 'responsabile_amministrativo'],
  'pilot.pseudonymised.read': ['assistenza_tecnica'],
  'pilot.comparative.read': [
    'operatore',
    'referente_comunale',
    'responsabile_amministrativo',
    'regione',
    'assistenza_tecnica',
    'mlps',
  ],
  'pilot.budget.read': [
    'referente_comunale',
    'responsabile_amministrativo',
    'assistenza_tecnica',
    'mlps',
    'amministratore',
  ],
  // the pilot funds are ANCI/Cittalia's to allocate (convention with the Ministry; decision 0023)
  'pilot.budget.manage': ['assistenza_tecnica'],
  'pilot.issues.read': ['referente_comunale', 'responsabile_amministrativo', 'assistenza_tecnica', 'mlps'],
  'pilot.issues.manage': ['referente_comunale', 'assistenza_tecnica'],
});

type PilotPermission = (typeof pilotPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<PilotPermission, true> {}
}
