import type { FastifyInstance } from 'fastify';

/** The routes of the projects' claims (mounted by ../index.ts under /api/v1). */
export async function claimsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
