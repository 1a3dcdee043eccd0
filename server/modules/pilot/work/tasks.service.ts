/**
 * The work list of the pilot: tasks generated every day from the case data (permit expiries, PAI
 * reviews, follow-ups after the exit, late measures), each assigned to the case manager, and the
 * daily e-mail digest of what is due. Labels and e-mails name people by pseudonym only.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { systemAccess } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { createMailer } from '../../../platform/mail.js';
import type { Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { todayOf } from '../shared/access.js';
import { addDays, addMonths, followUpDates } from '../shared/dates.js';
import { expiryAlerts } from '../shared/permits.js';
import type { TaskKind } from '../shared/vocab.js';
import {
  digestSent, insertTasks, markTaskDone, selectClosedCases, selectDigestTasks, selectMeasuresLate, selectPaiReviewsDue,
  selectPermitsExpiring, selectTask, selectTaskPage, toTask, type DigestTask, type NewTask,
} from './work.repo.js';
import type { Task, TaskQuery } from './work.schema.js';

/** A PAI review shows on the work list this many days before it is due. */
export const PAI_REVIEW_LEAD_DAYS = 14;
/** A follow-up shows on the work list this many days before it is due. */
export const FOLLOW_UP_LEAD_DAYS = 14;
/** A planned measure that has not started this many days after its start date is late. */
export const MEASURE_START_GRACE_DAYS = 7;
/** The digest lists open tasks due within this many days, and every overdue one. */
export const DIGEST_HORIZON_DAYS = 7;

/** The actor's own tasks, earliest due first. */
export async function findMyTasks(ctx: Ctx, q: TaskQuery): Promise<Page<Task>> {
  assertCan(ctx.actor, 'pilot.tasks.read');
  const actor = ctx.actor;
  const { items, total } = await ctx.db.tx(accessOf(actor), (tx) => selectTaskPage(tx, actor.userId, q, todayOf(ctx)));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Marks one of the actor's own tasks done (again: no change). Someone else's task answers 404. */
export async function completeTask(ctx: Ctx, taskId: string): Promise<Task> {
  if (!ctx.actor) throw new AppError('auth.required');
  const actor = ctx.actor;
  const today = todayOf(ctx);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const task = await selectTask(tx, taskId, { lock: true });
    if (!task || task.assignee_user_id !== actor.userId) throw new AppError('pilot.task.not_found');
    assertCan(actor, 'pilot.tasks.read');
    if (task.status === 'fatto') return toTask(task, today);
    await markTaskDone(tx, taskId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'pilot.task.done', entityType: 'pilot_task', entityId: taskId, tenantComune: task.comune_istat,
      details: { kind: task.kind, caseId: task.case_id },
    });
    return toTask({ ...task, status: 'fatto' }, today);
  });
}

/** The tasks due on `today` or earlier that the case data calls for (pure, for the job and tests). */
export function tasksDue(
  today: string,
  src: {
    permits: Awaited<ReturnType<typeof selectPermitsExpiring>>;
    pais: Awaited<ReturnType<typeof selectPaiReviewsDue>>;
    closed: Awaited<ReturnType<typeof selectClosedCases>>;
    measures: Awaited<ReturnType<typeof selectMeasuresLate>>;
  },
): NewTask[] {
  const out: NewTask[] = [];
  const task = (c: { case_id: string; comune_istat: string; owner_user_id: string }, kind: TaskKind, dueOn: string, label: string, dedupeKey: string) =>
    out.push({ comuneIstat: c.comune_istat, assigneeUserId: c.owner_user_id, kind, dueOn, caseId: c.case_id, label, dedupeKey });

  for (const p of src.permits) {
    // only the most recent reminder reached: a permit recorded late (or a job that missed days)
    // does not fill the list with reminders that are already superseded
    const reached = expiryAlerts(p.expires_on).filter((a) => a.dueOn <= today && today <= p.expires_on);
    const alert = reached.at(-1);
    if (!alert) continue;
    task(p, 'permit_expiry', alert.dueOn,
      `Permesso in scadenza il ${p.expires_on} (${p.pseudonym}): ${alert.daysBefore} giorni`,
      `permit:${p.permit_id}:${p.expires_on}:${alert.daysBefore}`);
  }
  for (const a of src.pais) {
    task(a, 'pai_review', a.review_due_on, `Revisione del PAI entro il ${a.review_due_on} (${a.pseudonym})`,
      `pai-review:${a.pai_id}:${a.review_due_on}`);
  }
  for (const c of src.closed) {
    for (const f of followUpDates(c.closed_on)) {
      if (addDays(f.dueOn, -FOLLOW_UP_LEAD_DAYS) > today || c.recorded.includes(`follow_up_${f.months}`)) continue;
      task(c, 'follow_up', f.dueOn, `Follow-up a ${f.months} mesi dall'uscita del ${c.closed_on} (${c.pseudonym})`,
        `follow-up:${c.case_id}:${f.months}`);
    }
  }
  for (const m of src.measures) {
    if (m.status === 'pianificata') {
      task(m, 'measure_overdue', m.start_on, `Misura ${m.type} non avviata: inizio previsto il ${m.start_on} (${m.pseudonym})`,
        `measure:${m.measure_id}:${m.status}`);
    } else if (m.end_on) {
      task(m, 'measure_overdue', m.end_on, `Misura ${m.type} non conclusa: fine prevista il ${m.end_on} (${m.pseudonym})`,
        `measure:${m.measure_id}:${m.status}`);
    }
  }
  return out;
}

/**
 * The daily generation, over every Comune with system access. Idempotent: each task has a
 * dedupe key, so a second run on the same day (or a retry) creates nothing. Open tasks whose
 * cause has gone are not closed automatically: the case manager closes them.
 */
export async function generateTasks(ctx: Ctx): Promise<number> {
  const today = todayOf(ctx);
  const created = await ctx.db.tx(systemAccess, async (tx) => {
    const tasks = tasksDue(today, {
      permits: await selectPermitsExpiring(tx, today, addDays(today, 90)),
      pais: await selectPaiReviewsDue(tx, addDays(today, PAI_REVIEW_LEAD_DAYS)),
      // the 12-month follow-up falls due 12 months after exit: a month of slack past that
      closed: await selectClosedCases(tx, addMonths(today, -13)),
      measures: await selectMeasuresLate(tx, today, addDays(today, -MEASURE_START_GRACE_DAYS)),
    });
    return insertTasks(tx, tasks, ctx.clock.now());
  });
  ctx.log.info({ created, day: today }, 'pilot tasks generated');
  return created;
}

const kindLabels: Record<TaskKind, string> = {
  permit_expiry: 'Permessi in scadenza / Permit expiries',
  pai_review: 'Revisioni del PAI / PAI reviews',
  follow_up: "Follow-up dopo l'uscita / Follow-ups after the exit",
  measure_overdue: 'Misure in ritardo / Late measures',
};

/** The digest e-mail of one user: Italian first, then English. Pseudonyms only, never names. */
export function digestMessage(tasks: DigestTask[], today: string, publicUrl: string): { subject: string; text: string } {
  const n = tasks.length;
  const counts = (Object.keys(kindLabels) as TaskKind[])
    .map((k) => [k, tasks.filter((t) => t.kind === k).length] as const)
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${kindLabels[k]}: ${c}`);
  const lines = tasks.map((t) => `- ${t.due_on}${t.due_on < today ? ' (scaduta / overdue)' : ''}: ${t.label}`);
  const link = `${publicUrl.replace(/\/+$/, '')}/`;
  return {
    subject: `InCaS: ${n} attività da svolgere / ${n} tasks due`,
    text: [
      'Buongiorno,',
      '',
      `nella sua lista di lavoro di InCaS ci sono ${n} attività aperte, scadute o in scadenza entro ${DIGEST_HORIZON_DAYS} giorni.`,
      `Your InCaS work list has ${n} open tasks that are overdue or due within ${DIGEST_HORIZON_DAYS} days.`,
      '',
      ...counts,
      '',
      ...lines,
      '',
      `Apra InCaS per i dettagli / Open InCaS for the details: ${link}`,
      '',
      'Messaggio automatico: si prega di non rispondere. / Automatic message: please do not reply.',
    ].join('\n'),
  };
}

/**
 * The daily digest: one e-mail per active user with open tasks overdue or due within 7 days.
 * Each send is recorded in the audit log ('pilot.digest.sent' with the day), and a user who
 * already has that row for today is skipped, so a second run or a retry sends nothing twice.
 * The mail goes out between two short transactions (no transaction waits on the relay); a crash
 * between the send and the record can repeat one e-mail, never lose one (at least once).
 * Failed sends are retried with the job; the others are not repeated.
 */
export async function sendDailyDigest(ctx: Ctx): Promise<{ sent: number; skipped: number; failed: number }> {
  const mailer = createMailer(ctx.config);
  if (!mailer) {
    ctx.log.info('pilot digest: no SMTP relay configured, nothing sent');
    return { sent: 0, skipped: 0, failed: 0 };
  }
  const today = todayOf(ctx);
  const rows = await ctx.db.tx(systemAccess, (tx) => selectDigestTasks(tx, addDays(today, DIGEST_HORIZON_DAYS)));
  const byUser = new Map<string, DigestTask[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  for (const [userId, tasks] of byUser) {
    if (await ctx.db.tx(systemAccess, (tx) => digestSent(tx, userId, today))) {
      skipped++;
      continue;
    }
    try {
      await mailer.send({ to: tasks[0]!.email, ...digestMessage(tasks, today, ctx.config.publicUrl) });
    } catch (err) {
      failed++;
      ctx.log.warn({ err: { message: (err as Error).message }, userId }, 'pilot digest: send failed');
      continue;
    }
    await ctx.db.tx(systemAccess, async (tx) => {
      if (await digestSent(tx, userId, today)) return;
      await recordAudit(tx, ctx, {
        action: 'pilot.digest.sent', entityType: 'user', entityId: userId, tenantComune: null,
        details: { tasks: tasks.length, day: today },
      });
    });
    sent++;
  }
  ctx.log.info({ sent, skipped, failed, day: today }, 'pilot digest');
  if (failed) throw new Error(`pilot digest: ${failed} e-mail(s) not sent; the job will retry them`);
  return { sent, skipped, failed };
}
