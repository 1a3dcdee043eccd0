import type { FastifyInstance } from 'fastify';

/** The routes of the projects' calls (mounted by ../index.ts under /api/v1). */
export async function callsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
