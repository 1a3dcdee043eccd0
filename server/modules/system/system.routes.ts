import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';

const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') }).meta({ id: 'Health' });

/** `GET /api/health`: 200 while the database answers, 503 otherwise (for load balancers). */
export async function systemRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/health', {
    config: { auth: 'public', rateLimit: false },
    schema: { tags: ['system'], operationId: 'getHealth', summary: 'Liveness and database check', response: { 200: healthSchema } },
    handler: async (req) => {
      try {
        await req.ctx.db.ping();
      } catch {
        throw new AppError('database.unavailable');
      }
      return { status: 'ok' as const, database: 'ok' as const };
    },
  });
}
