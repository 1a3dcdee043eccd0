import type { FastifyInstance } from 'fastify';

// TODO(issue 3): routes being written in this session
export async function pilotComparativeRoutes(_fastify: FastifyInstance): Promise<void> {}
