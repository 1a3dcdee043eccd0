import type { FastifyInstance } from 'fastify';

/** The routes of the projects' queries (mounted by ../index.ts under /api/v1). */
export async function queriesRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
