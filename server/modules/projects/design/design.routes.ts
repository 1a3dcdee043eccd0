import type { FastifyInstance } from 'fastify';

/** The routes of the projects' design (mounted by ../index.ts under /api/v1). */
export async function designRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
