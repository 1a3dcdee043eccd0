/**
 * The work list of the pilot: tasks kept in line with the case and budget data (../shared/tasks.ts
 * refreshes them on every change, at start and nightly), each read by its assignee in their own
 * words, and the daily e-mail digest of what is due in each user's language. Labels and e-mails
 * name people by pseudonym only; the responsabile amministrativo's tasks name nobody.
 */
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import { systemAccess } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { withMailer, type Mailer } from '../../../platform/mail.js';
import type { Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { todayOf } from '../shared/access.js';
import { addDays } from '../shared/dates.js';
import type { LabelLanguage } from '../shared/labels.js';
import { refreshAllTasks } from '../shared/tasks.js';
import { toTask } from './work.mapper.js';
import {
  claimDigest,
  markTaskDone,
  pruneDigestClaims,
  releaseDigestClaim,
  selectDigestTasks,
  selectReaderTask,
  selectTaskPage,
  upsertDigestLanguage,
  type DigestTask,
  type TaskReader,
} from './work.repo.js';
import { DIGEST_HORIZON_DAYS, digestMessage, taskRolesOf } from './work.rules.js';
import type { Task, TaskQuery } from './work.schema.js';

function readerOf(actor: Actor): TaskReader {
  return { userId: actor.userId, roles: taskRolesOf(actor.roles), comune: actor.scope.comuneIstat };
}

/**
 * The actor's own tasks, earliest due first, in `q.lang`'s words. The language read in becomes the
 * language of the actor's e-mail digest.
 */
export async function findMyTasks(ctx: Ctx, q: TaskQuery): Promise<Page<Task>> {
  assertCan(ctx.actor, 'pilot.tasks.read');
  const actor = ctx.actor;
  const today = todayOf(ctx);
  const { rows, total } = await ctx.db.tx(accessOf(actor), async (tx) => {
    await upsertDigestLanguage(tx, actor.userId, q.lang, ctx.clock.now());
    return selectTaskPage(tx, readerOf(actor), q);
  });
  return { items: rows.map((r) => toTask(r, today, q.lang)), total, page: q.page, pageSize: q.pageSize };
}

/** Marks one of the actor's own tasks done (again: no change). Someone else's task answers 404. */
export async function completeTask(ctx: Ctx, taskId: string, lang: LabelLanguage = 'it'): Promise<Task> {
  if (!ctx.actor) throw new AppError('auth.required');
  const actor = ctx.actor;
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const task = await selectReaderTask(tx, readerOf(actor), taskId, { lock: true });
    if (!task) throw new AppError('pilot.task.not_found');
    assertCan(actor, 'pilot.tasks.read');
    if (task.status !== 'aperto') return toTask(task, today, lang);
    await markTaskDone(tx, taskId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'pilot.task.done',
      entityType: 'pilot_task',
      entityId: taskId,
      tenantComune: task.comune_istat,
      details: { kind: task.kind, caseId: task.case_id },
    });
    return toTask({ ...task, status: 'fatto' }, today, lang);
  });
}

/**
 * The nightly run over every pilot Comune, a safety net behind the refresh on every change: the
 * tasks that fall due with the passing of days (reminders, reviews, follow-ups, late measures)
 * appear, those whose cause has ended close. Idempotent. Returns how many tasks it created.
 */
export async function generateTasks(ctx: Ctx): Promise<number> {
  return (await refreshAllTasks(ctx)).created;
}

/** Claims of days older than this are forgotten (a retry never reaches that far back). */
const DIGEST_CLAIM_DAYS = 7;

/**
 * The daily digest: one e-mail per active user with open tasks overdue or due within 7 days, at
 * most once per user and day whatever runs overlap (two instances, a retry). Before sending, a run
 * claims (user, day) in the database (INSERT … ON CONFLICT DO NOTHING) in the same transaction as
 * the audit row 'pilot.digest.sent'; a run that finds the claim taken skips the user. No
 * transaction waits on the relay. A send that fails gives the claim back with a
 * 'pilot.digest.failed' audit row, and the job's retry sends it; a crash between the claim and the
 * send loses that day's mail (the next day's digest lists the same tasks, overdue ones included).
 */
export async function sendDailyDigest(ctx: Ctx): Promise<{ sent: number; skipped: number; failed: number }> {
  return withMailer(ctx.config, async (mailer) => {
    if (!mailer) {
      ctx.log.info('pilot digest: no SMTP relay configured, nothing sent');
      return { sent: 0, skipped: 0, failed: 0 };
    }
    return sendDigests(ctx, mailer);
  });
}

async function sendDigests(ctx: Ctx, mailer: Mailer): Promise<{ sent: number; skipped: number; failed: number }> {
  const today = todayOf(ctx);
  const rows = await ctx.db.tx(systemAccess, async (tx) => {
    await pruneDigestClaims(tx, addDays(today, -DIGEST_CLAIM_DAYS));
    return selectDigestTasks(tx, addDays(today, DIGEST_HORIZON_DAYS));
  });
  const byUser = new Map<string, DigestTask[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  for (const [userId, tasks] of byUser) {
    const claimed = await ctx.db.tx(systemAccess, async (tx) => {
      if (!(await claimDigest(tx, userId, today, ctx.clock.now()))) return false;
      await recordAudit(tx, ctx, {
        action: 'pilot.digest.sent',
        entityType: 'user',
        entityId: userId,
        tenantComune: null,
        details: { tasks: tasks.length, day: today },
      });
      return true;
    });
    if (!claimed) {
      skipped++;
      continue;
    }
    try {
      const lang = tasks[0]!.language;
      await mailer.send({ to: tasks[0]!.email, ...digestMessage(lang, tasks, today, ctx.config.publicUrl) });
      sent++;
    } catch (err) {
      failed++;
      ctx.log.warn({ err: { message: (err as Error).message }, userId }, 'pilot digest: send failed');
      await ctx.db.tx(systemAccess, async (tx) => {
        await releaseDigestClaim(tx, userId, today);
        await recordAudit(tx, ctx, {
          action: 'pilot.digest.failed',
          outcome: 'failure',
          entityType: 'user',
          entityId: userId,
          tenantComune: null,
          details: { tasks: tasks.length, day: today },
        });
      });
    }
  }
  ctx.log.info({ sent, skipped, failed, day: today }, 'pilot digest');
  if (failed) throw new Error(`pilot digest: ${failed} e-mail(s) not sent; the job will retry them`);
  return { sent, skipped, failed };
}
