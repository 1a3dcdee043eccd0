import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';

const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') }).meta({ id: 'Health' });

/** The "up" answer of `/status`: an RFC 9457 problem object whose status is 200. */
const statusSchema = z
  .object({ status: z.literal(200), title: z.literal('OK'), detail: z.string() })
  .meta({ id: 'Status', description: 'The service is up: a problem object (RFC 9457) with status 200.' });

/**
 * `GET /api/health`: 200 while the database answers, 503 otherwise (for load balancers).
 * `GET /status`: the same check as the Italian API guidelines ask it, as application/problem+json.
 * The routes carry their full paths: /status sits at the root, outside /api.
 */
export async function systemRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/health', {
    config: { auth: 'public', rateLimit: false },
    schema: {
      tags: ['system'],
      operationId: 'getHealth',
      summary: 'Liveness and database check',
      description:
        'Public, not rate-limited, for load balancers: 200 while the database answers, 503 `database.unavailable` otherwise.',
      response: { 200: healthSchema },
    },
    handler: async (req) => {
      try {
        await req.ctx.db.ping();
      } catch {
        throw new AppError('database.unavailable');
      }
      return { status: 'ok' as const, database: 'ok' as const };
    },
  });
  app.get('/status', {
    config: { auth: 'public', rateLimit: false },
    schema: {
      tags: ['system'],
      operationId: 'getStatus',
      summary: 'Service status (Italian API guidelines)',
      description:
        'Public, not rate-limited: a problem object with status 200 while the service and its database answer, ' +
        'and 503 `database.unavailable` otherwise. Both answers are application/problem+json.',
      response: {
        200: { description: 'The service is up', content: { 'application/problem+json': { schema: statusSchema } } },
      },
    },
    handler: async (req, reply) => {
      try {
        await req.ctx.db.ping();
      } catch {
        throw new AppError('database.unavailable');
      }
      reply.header('cache-control', 'no-store').type('application/problem+json');
      return { status: 200 as const, title: 'OK' as const, detail: 'The service and its database answer.' };
    },
  });
}
