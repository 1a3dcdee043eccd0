import { z } from 'zod';
import { systemAccess } from '../../platform/db/db.js';
import type { JobDefinition } from '../../platform/jobs.js';

/** How long ended sessions stay in the table (for the audit of who was logged in when). */
export const SESSION_RETENTION_DAYS = 30;

/**
 * Hourly: deletes sessions that ended (revoked or expired) more than 30 days ago and login
 * throttles whose window and lock are long over. Idempotent.
 */
export const purgeSessionsJob: JobDefinition<Record<string, never>> = {
  name: 'access.purge-sessions',
  payload: z.object({}).strict(),
  cron: '17 * * * *',
  async handler(ctx) {
    const cutoff = new Date(ctx.clock.now().getTime() - SESSION_RETENTION_DAYS * 86_400_000);
    const throttleCutoff = new Date(ctx.clock.now().getTime() - 86_400_000);
    await ctx.db.tx(systemAccess, async (tx) => {
      await tx.query(`DELETE FROM sessions WHERE coalesce(revoked_at, expires_at) < $1`, [cutoff]);
      await tx.query(
        `DELETE FROM login_throttle WHERE window_start < $1 AND (locked_until IS NULL OR locked_until < $1)`,
        [throttleCutoff],
      );
    });
  },
};
