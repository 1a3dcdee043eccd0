import type { FastifyInstance } from 'fastify';

// TODO(issue 3): routes being written in this session
export async function pilotWorkRoutes(_fastify: FastifyInstance): Promise<void> {}
