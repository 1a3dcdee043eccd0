import type { FastifyInstance } from 'fastify';
import { authoringRoutes } from './authoring/authoring.routes.js';
import { messagesRoutes } from './messages/messages.routes.js';
import { responsesRoutes } from './responses/responses.routes.js';
import { comparisonRoutes } from './results/comparison.routes.js';
import { exportsRoutes } from './results/exports.routes.js';
import { reportRoutes } from './results/report.routes.js';
import { openDataPublicRoutes, openDataReleaseRoutes } from './results/opendata.routes.js';
import { resultsRoutes } from './results/results.routes.js';
import { wavesRoutes } from './waves/waves.routes.js';

/** The signed-in routes of the surveys module, under /api/v1/surveys. */
async function signedInRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(authoringRoutes);
  await fastify.register(wavesRoutes);
  await fastify.register(responsesRoutes);
  await fastify.register(messagesRoutes);
  await fastify.register(resultsRoutes);
  await fastify.register(exportsRoutes);
  await fastify.register(comparisonRoutes);
  await fastify.register(reportRoutes);
  await fastify.register(openDataReleaseRoutes);
}

/**
 * Every route of the surveys module, mounted under /api/v1: the surveys' own under /surveys, the
 * public open-data catalogue (decision 0044) under /open-data.
 */
export async function surveysRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(signedInRoutes, { prefix: '/surveys' });
  await fastify.register(openDataPublicRoutes, { prefix: '/open-data' });
}
