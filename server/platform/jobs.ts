/**
 * Background jobs on the application's own database with pg-boss 10 (decision 0006): no other
 * infrastructure, the same engine in embedded and server mode. Modules declare jobs in
 * `<module>.jobs.ts`; services enqueue with `enqueue(tx, …)` inside their transaction, so a job
 * exists exactly when the change that caused it has committed.
 */
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config.js';
import { systemClock, type Clock, type Ctx } from './context.js';
import type { FieldCipher } from './crypto.js';
import type { Database, Queryable } from './db/db.js';
import { STARTUP_LOCK } from './startup.js';

export interface JobDefinition<P> {
  name: string;
  payload: z.ZodType<P>;
  /** Cron expression (UTC) when the job also runs on a schedule. */
  cron?: string;
  /** Also enqueued once (with an empty payload) each time the worker starts. */
  runAtStart?: boolean;
  /** Must be idempotent: a failed job is retried. */
  handler(ctx: Ctx, payload: P): Promise<void>;
}

export const JOB_SCHEMA = 'pgboss';

export interface Jobs {
  stop(): Promise<void>;
}

function bossOn(db: Database): PgBoss {
  return new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => db.ownerQuery(text, values) },
    schema: JOB_SCHEMA,
    // the queue's own housekeeping: once a minute is plenty for this platform's volumes
    monitorStateIntervalSeconds: 60,
    maintenanceIntervalSeconds: 300,
  });
}

/** Starts the worker for the given jobs and registers their schedules. */
export async function startJobs(
  deps: { db: Database; config: Config; log: FastifyBaseLogger; cipher: FieldCipher; clock?: Clock },
  definitions: JobDefinition<unknown>[],
): Promise<Jobs> {
  const boss = bossOn(deps.db);
  boss.on('error', (err: Error) => deps.log.error({ err: { message: err.message } }, 'job queue error'));
  // instances starting at once would race on the queue's schema and the grants (deadlocks,
  // "tuple concurrently updated"): one after the other, as for the database's preparation
  await deps.db.exclusive(STARTUP_LOCK, async () => {
    await boss.start();
    // services enqueue as the application role, inside their own transactions
    await deps.db.ownerExec(`
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO incas_app;
      GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO incas_app;`);
    for (const def of definitions) {
      await boss.createQueue(def.name);
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
    }
  });
  const running = new Set<Promise<unknown>>();
  const track = <T>(run: () => Promise<T>): Promise<T> => {
    const p = run();
    running.add(p);
    void p.then(
      () => running.delete(p),
      () => running.delete(p),
    );
    return p;
  };
  // the start's own jobs are queued before the workers, so that their first fetch takes them
  for (const def of definitions) if (def.runAtStart) await boss.send(def.name, {});
  for (const def of definitions) {
    await boss.work(def.name, { pollingIntervalSeconds: 5 }, (jobs) =>
      track(async () => {
        for (const job of jobs) {
          const payload = def.payload.parse(job.data);
          const ctx: Ctx = {
            actor: null,
            db: deps.db,
            clock: deps.clock ?? systemClock,
            log: deps.log,
            config: deps.config,
            cipher: deps.cipher,
            requestId: `job:${job.id}`,
            ip: '',
          };
          await def.handler(ctx, payload);
        }
      }),
    );
  }
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      // a handler still running, and the queue's own completion or failure query that follows it,
      // must be issued before the caller closes the database
      await Promise.allSettled(running);
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/**
 * Enqueues a job inside the caller's transaction: rolled back with it, visible to the worker only
 * after commit.
 */
export async function enqueue<P>(tx: Queryable, def: JobDefinition<P>, payload: P): Promise<string | null> {
  const boss = new PgBoss({ db: { executeSql: async () => ({ rows: [] }) }, schema: JOB_SCHEMA });
  const data = def.payload.parse(payload);
  return boss.send(def.name, data as object, {
    db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values) }) },
  });
}
