import type { FastifyInstance } from 'fastify';

/** The routes of the projects' dashboards (mounted by ../index.ts under /api/v1). */
export async function dashboardsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
