import type { FastifyInstance } from 'fastify';

/** The routes of the plans' networks (mounted by ../index.ts under /api/v1): tavoli and thematic working groups, their member organisations, meetings with minutes, decisions and follow-ups on the work list, totals. */
export async function networksRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
