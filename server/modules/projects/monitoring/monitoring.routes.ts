import type { FastifyInstance } from 'fastify';

/** The routes of the projects' monitoring (mounted by ../index.ts under /api/v1). */
export async function monitoringRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
