import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { pilotCaseRoutes } from './cases/cases.routes.js';
import { pilotOutcomeRoutes } from './cases/outcomes.routes.js';
import { pilotComparativeRoutes } from './comparative/comparative.routes.js';
import { pilotExtractRoutes } from './comparative/extract.routes.js';
import { pilotPaiRoutes } from './pai/pai.routes.js';
import { recordsEncryptedColumns } from './records/records.crypto.js';
import { recordsErrors } from './records/records.errors.js';
import { recordsPermissions } from './records/records.policy.js';
import { pilotRecordsRoutes } from './records/records.routes.js';
import { pilotErrors } from './shared/errors.js';
import { pilotPermissions } from './shared/policy.js';
import { pilotAuditActions } from './shared/audit-actions.js';
import { openIdentity, pilotEncryptedColumns } from './shared/identity.js';
import { backfillNameGrams } from './shared/name-grams.repo.js';
import { pilotJobs } from './work/jobs.js';
import { pilotWorkRoutes } from './work/work.routes.js';

/** Every route of the 18-ter pilot, mounted under /api/v1/pilot. */
async function pilotRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(pilotCaseRoutes);
  await fastify.register(pilotPaiRoutes);
  await fastify.register(pilotOutcomeRoutes);
  await fastify.register(pilotWorkRoutes);
  await fastify.register(pilotComparativeRoutes);
  await fastify.register(pilotExtractRoutes);
  await fastify.register(pilotRecordsRoutes);
}

/**
 * The 18-ter pilot: cases (referrals, households, permits, decisions, outcomes, privacy, import
 * and export), PAI (measures, versions, budget, print), work (tasks, critical issues, digest) and
 * the comparative (quadro, disclosure control, pseudonymised rows, release extract), over a
 * shared kernel (vocabulary, state machines, case access, identity, rules).
 */
export const pilotModule: ModuleDefinition = {
  name: 'pilot',
  routes: pilotRoutes,
  prefix: '/api/v1/pilot',
  tags: [
    { name: 'pilot', description: 'Pilot art. 18-ter: referrals, cases, permits, PAI, measures, outcomes' },
    { name: 'pilot-monitoring', description: 'Pilot art. 18-ter: budget, critical issues, tasks, quadro comparativo' },
  ],
  migrations: join(moduleDir('pilot'), 'migrations'),
  errors: { ...pilotErrors, ...recordsErrors },
  permissions: [...pilotPermissions, ...recordsPermissions],
  auditActions: pilotAuditActions,
  encryptedColumns: [...pilotEncryptedColumns, ...recordsEncryptedColumns],
  jobs: pilotJobs,
  // persons written before the trigram index of names (or by hand) get their grams
  prepare: async ({ db, cipher }) => {
    if (!cipher) return;
    const n = await db.ownerTx((tx) => backfillNameGrams(tx, cipher, (id, token) => openIdentity(cipher, id, token)));
    return n ? `pilot: indexed the names of ${n} persons for search` : undefined;
  },
};

export { pilotJobs } from './work/jobs.js';

// pure rules, vocabulary and identity helpers, for other modules (the demo seed)
export { checkCodiceFiscale } from './shared/codice-fiscale.js';
export { addDays, addMonths, daysBetween, type IsoDate } from './shared/dates.js';
export { assessEligibility } from './shared/eligibility.js';
export { kinshipOf } from './shared/kinship.js';
export { firstPermitExpiry, minimumRenewalExpiry } from './shared/permits.js';
export { formatPseudonym, pseudonymPrefix } from './shared/pseudonyms.js';
export { cfIndex, nameIndex, sealIdentity, sealPermitNumber, type Identity } from './shared/identity.js';
export { nameGrams } from './shared/name-search.js';
export { writeNameGrams } from './shared/name-grams.repo.js';
export {
  exitReasons,
  type CaseStatus,
  type ContractType,
  type ExitReason,
  type MeasureStatus,
  type MeasureType,
  type PaiStatus,
  type Relation,
  type Sector,
} from './shared/vocab.js';
