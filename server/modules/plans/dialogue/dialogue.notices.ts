/**
 * The e-mail notices of the dialogue: each message owes one e-mail to each of the other
 * participants (plm_thread_notifications, written with the message). The job sends the ones not
 * sent yet of the last two days: each is claimed in the database (sent_at, with its audit row)
 * before the relay is called, so a notice goes out once whatever runs overlap; a send that fails
 * gives the claim back and the job's retry sends it. Nothing without an SMTP relay (the notices
 * wait, and lapse after two days). Logs carry counts, never an address.
 */
import type { Ctx } from '../../../platform/context.js';
import { systemAccess } from '../../../platform/db/db.js';
import { withMailer, type Mailer } from '../../../platform/mail.js';
import { recordAudit } from '../../audit/index.js';
import { claimNotice, releaseNotice, selectPendingNotices } from './dialogue.repo.js';
import { noticeMessage } from './dialogue.rules.js';

export interface NoticeResult {
  sent: number;
  skipped: number;
  failed: number;
}

/** Notices older than this are not sent any more (a relay configured later does not flood mailboxes). */
const NOTICE_WINDOW_MS = 2 * 86_400_000;

export async function sendThreadNotices(ctx: Ctx): Promise<NoticeResult> {
  return withMailer(ctx.config, async (mailer) => {
    if (!mailer) {
      ctx.log.debug('plan thread notices: no SMTP relay configured, nothing sent');
      return { sent: 0, skipped: 0, failed: 0 };
    }
    return sendNotices(ctx, mailer);
  });
}

async function sendNotices(ctx: Ctx, mailer: Mailer): Promise<NoticeResult> {
  const since = new Date(ctx.clock.now().getTime() - NOTICE_WINDOW_MS);
  const pending = await ctx.db.tx(systemAccess, (tx) => selectPendingNotices(tx, since));
  const result: NoticeResult = { sent: 0, skipped: 0, failed: 0 };
  for (const n of pending) {
    const details = { message: n.message_id, user: n.user_id, reason: n.reason };
    const claimed = await ctx.db.tx(systemAccess, async (tx) => {
      if (!(await claimNotice(tx, n.message_id, n.user_id, ctx.clock.now()))) return false;
      await recordAudit(tx, ctx, {
        action: 'plans.thread.notice.sent',
        entityType: 'plm_thread',
        entityId: n.thread_id,
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
      const message = noticeMessage(
        {
          reason: n.reason,
          authorName: n.author_name,
          authorOrganisation: n.author_organisation,
          subject: n.subject,
          comuneName: n.comune_name,
          regionName: n.region_name,
          threadId: n.thread_id,
        },
        ctx.config.publicUrl,
      );
      await mailer.send({ to: n.email, ...message });
      result.sent++;
    } catch (err) {
      result.failed++;
      ctx.log.warn({ err: { message: (err as Error).message }, userId: n.user_id }, 'plan thread notice: send failed');
      await ctx.db.tx(systemAccess, async (tx) => {
        await releaseNotice(tx, n.message_id, n.user_id);
        await recordAudit(tx, ctx, {
          action: 'plans.thread.notice.failed',
          outcome: 'failure',
          entityType: 'plm_thread',
          entityId: n.thread_id,
          tenantComune: null,
          details,
        });
      });
    }
  }
  if (result.sent || result.failed) ctx.log.info({ ...result }, 'plan thread notices');
  if (result.failed)
    throw new Error(`plan thread notices: ${result.failed} e-mail(s) not sent; the job will retry them`);
  return result;
}
