import type { FastifyInstance } from 'fastify';

/** The routes of the projects' expenses (mounted by ../index.ts under /api/v1). */
export async function expensesRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
