import type { FastifyInstance } from 'fastify';
import { pilotCaseRoutes } from './pilot.cases.routes.js';
import { pilotComparativeRoutes } from './pilot.comparative.routes.js';
import { pilotPaiRoutes } from './pilot.pai.routes.js';
import { pilotWorkRoutes } from './pilot.work.routes.js';

/** Every route of the 18-ter pilot, mounted under /api/v1/pilot. */
export async function pilotRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(pilotCaseRoutes);
  await fastify.register(pilotPaiRoutes);
  await fastify.register(pilotWorkRoutes);
  await fastify.register(pilotComparativeRoutes);
}

export { pilotJobs } from './pilot.jobs.js';
