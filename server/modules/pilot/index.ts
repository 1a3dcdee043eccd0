import type { FastifyInstance } from 'fastify';
import { pilotCaseRoutes } from './pilot.cases.routes.js';
import { pilotComparativeRoutes } from './pilot.comparative.routes.js';
import { pilotExtractRoutes } from './pilot.extract.js';
import { pilotOutcomeRoutes } from './pilot.outcomes.js';
import { pilotPaiRoutes } from './pilot.pai.routes.js';
import { pilotWorkRoutes } from './pilot.work.routes.js';

/** Every route of the 18-ter pilot, mounted under /api/v1/pilot. */
export async function pilotRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(pilotCaseRoutes);
  await fastify.register(pilotPaiRoutes);
  await fastify.register(pilotOutcomeRoutes);
  await fastify.register(pilotWorkRoutes);
  await fastify.register(pilotComparativeRoutes);
  await fastify.register(pilotExtractRoutes);
}

export { pilotJobs } from './pilot.jobs.js';

// pure rules, vocabulary and identity helpers, for other modules (the demo seed)
export {
  addDays, addMonths, assessEligibility, checkCodiceFiscale, daysBetween, firstPermitExpiry, formatPseudonym, kinshipOf,
  minimumRenewalExpiry, pseudonymPrefix, type IsoDate,
} from './pilot.rules.js';
export { cfIndex, nameIndex, sealIdentity, sealPermitNumber, type Identity } from './pilot.identity.js';
export {
  exitReasons, type CaseStatus, type ContractType, type ExitReason, type MeasureStatus, type MeasureType, type PaiStatus, type Relation,
  type Sector,
} from './pilot.vocab.js';
