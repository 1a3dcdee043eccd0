import type { FastifyInstance } from 'fastify';

/** The routes of the plans' actions (mounted by ../index.ts under /api/v1): the plan's actions tagged by axis and priority action, their partners, budget and funding, indicators with targets, and the monitorings with the values reported. */
export async function actionsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
