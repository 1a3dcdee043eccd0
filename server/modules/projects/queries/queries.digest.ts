/**
 * The daily e-mail digest of overdue query threads: one e-mail per member of the lead Comune's
 * staff with threads awaiting the Comune's answer past their due date. At most once per user and
 * day whatever runs overlap (claimed in the database with the audit row before sending, as the
 * pilot's digest does); a send that fails gives the claim back and the job's retry sends it. No
 * transaction waits on the relay; logs carry counts, never an address.
 */
import { recordAudit } from '../../audit/index.js';
import type { Ctx } from '../../../platform/context.js';
import { systemAccess } from '../../../platform/db/db.js';
import { withMailer, type Mailer } from '../../../platform/mail.js';
import { todayOf } from '../shared/access.js';
import {
  claimDigest,
  pruneDigestClaims,
  releaseDigestClaim,
  selectOverdueForDigest,
  type DigestRow,
} from './queries.repo.js';
import { digestMessage } from './queries.rules.js';

export interface DigestResult {
  sent: number;
  skipped: number;
  failed: number;
}

const daysBefore = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** The job's work: nothing without an SMTP relay. */
export async function sendQueryDigest(ctx: Ctx): Promise<DigestResult> {
  return withMailer(ctx.config, async (mailer) => {
    if (!mailer) {
      ctx.log.info('project query digest: no SMTP relay configured, nothing sent');
      return { sent: 0, skipped: 0, failed: 0 };
    }
    return sendDigests(ctx, mailer);
  });
}

async function sendDigests(ctx: Ctx, mailer: Mailer): Promise<DigestResult> {
  const today = todayOf(ctx);
  const rows = await ctx.db.tx(systemAccess, async (tx) => {
    await pruneDigestClaims(tx, daysBefore(today, 7));
    return selectOverdueForDigest(tx, today);
  });
  const byUser = new Map<string, DigestRow[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  const result: DigestResult = { sent: 0, skipped: 0, failed: 0 };
  for (const [userId, threads] of byUser) {
    const details = { queries: threads.map((t) => t.query_id), day: today };
    const claimed = await ctx.db.tx(systemAccess, async (tx) => {
      if (!(await claimDigest(tx, userId, today, ctx.clock.now()))) return false;
      await recordAudit(tx, ctx, {
        action: 'projects.query.digest.sent',
        entityType: 'user',
        entityId: userId,
        tenantComune: null,
        details,
      });
      return true;
    });
    if (!claimed) {
      result.skipped++;
      continue;
    }
    try {
      const message = digestMessage(
        threads.map((t) => ({
          subject: t.subject,
          dueOn: t.due_on,
          daysOverdue: Number(t.days_overdue),
          projectTitle: t.project_title,
          projectCup: t.project_cup,
        })),
        ctx.config.publicUrl,
      );
      await mailer.send({ to: threads[0]!.email, ...message });
      result.sent++;
    } catch (err) {
      result.failed++;
      ctx.log.warn({ err: { message: (err as Error).message }, userId }, 'project query digest: send failed');
      await ctx.db.tx(systemAccess, async (tx) => {
        await releaseDigestClaim(tx, userId, today);
        await recordAudit(tx, ctx, {
          action: 'projects.query.digest.failed',
          outcome: 'failure',
          entityType: 'user',
          entityId: userId,
          tenantComune: null,
          details,
        });
      });
    }
  }
  ctx.log.info({ ...result, day: today }, 'project query digest');
  if (result.failed)
    throw new Error(`project query digest: ${result.failed} e-mail(s) not sent; the job will retry them`);
  return result;
}
