/**
 * The rules of the work list, pure (no I/O): which tasks the case data calls for on a day, the
 * digest e-mail's text, and who may manage critical issues.
 */
import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { addDays, followUpDates } from '../shared/dates.js';
import { expiryAlerts } from '../shared/permits.js';
import type { TaskKind } from '../shared/vocab.js';
import type { ClosedCase, DigestTask, MeasureLate, NewTask, PaiDue, PermitDue } from './work.repo.js';
import type { Issue, UpdateIssueBody } from './work.schema.js';

/** A PAI review shows on the work list this many days before it is due. */
export const PAI_REVIEW_LEAD_DAYS = 14;
/** A follow-up shows on the work list this many days before it is due. */
export const FOLLOW_UP_LEAD_DAYS = 14;
/** A planned measure that has not started this many days after its start date is late. */
export const MEASURE_START_GRACE_DAYS = 7;
/** The digest lists open tasks due within this many days, and every overdue one. */
export const DIGEST_HORIZON_DAYS = 7;

/** The tasks due on `today` or earlier that the case data calls for (pure, for the job and tests). */
export function tasksDue(
  today: string,
  src: {
    permits: PermitDue[];
    pais: PaiDue[];
    closed: ClosedCase[];
    measures: MeasureLate[];
  },
): NewTask[] {
  const out: NewTask[] = [];
  const task = (
    c: { case_id: string; comune_istat: string; owner_user_id: string },
    kind: TaskKind,
    dueOn: string,
    label: string,
    dedupeKey: string,
  ) =>
    out.push({
      comuneIstat: c.comune_istat,
      assigneeUserId: c.owner_user_id,
      kind,
      dueOn,
      caseId: c.case_id,
      label,
      dedupeKey,
    });

  for (const p of src.permits) {
    // only the most recent reminder reached: a permit recorded late (or a job that missed days)
    // does not fill the list with reminders that are already superseded
    const reached = expiryAlerts(p.expires_on).filter((a) => a.dueOn <= today && today <= p.expires_on);
    const alert = reached.at(-1);
    if (!alert) continue;
    task(
      p,
      'permit_expiry',
      alert.dueOn,
      `Permesso in scadenza il ${p.expires_on} (${p.pseudonym}): ${alert.daysBefore} giorni`,
      `permit:${p.permit_id}:${p.expires_on}:${alert.daysBefore}`,
    );
  }
  for (const a of src.pais) {
    task(
      a,
      'pai_review',
      a.review_due_on,
      `Revisione del PAI entro il ${a.review_due_on} (${a.pseudonym})`,
      `pai-review:${a.pai_id}:${a.review_due_on}`,
    );
  }
  for (const c of src.closed) {
    for (const f of followUpDates(c.closed_on)) {
      if (addDays(f.dueOn, -FOLLOW_UP_LEAD_DAYS) > today || c.recorded.includes(`follow_up_${f.months}`)) continue;
      task(
        c,
        'follow_up',
        f.dueOn,
        `Follow-up a ${f.months} mesi dall'uscita del ${c.closed_on} (${c.pseudonym})`,
        `follow-up:${c.case_id}:${f.months}`,
      );
    }
  }
  for (const m of src.measures) {
    if (m.status === 'pianificata') {
      task(
        m,
        'measure_overdue',
        m.start_on,
        `Misura ${m.type} non avviata: inizio previsto il ${m.start_on} (${m.pseudonym})`,
        `measure:${m.measure_id}:${m.status}`,
      );
    } else if (m.end_on) {
      task(
        m,
        'measure_overdue',
        m.end_on,
        `Misura ${m.type} non conclusa: fine prevista il ${m.end_on} (${m.pseudonym})`,
        `measure:${m.measure_id}:${m.status}`,
      );
    }
  }
  return out;
}

const kindLabels: Record<TaskKind, string> = {
  permit_expiry: 'Permessi in scadenza / Permit expiries',
  pai_review: 'Revisioni del PAI / PAI reviews',
  follow_up: "Follow-up dopo l'uscita / Follow-ups after the exit",
  measure_overdue: 'Misure in ritardo / Late measures',
};

/** The digest e-mail of one user: Italian first, then English. Pseudonyms only, never names. */
export function digestMessage(
  tasks: DigestTask[],
  today: string,
  publicUrl: string,
): { subject: string; text: string } {
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

/** 'comune' or 'national': who raised the issue; other scopes do not manage issues. */
export function levelOf(actor: Actor): Issue['raisedByLevel'] {
  if (actor.scope.level === 'comune' || actor.scope.level === 'national') return actor.scope.level;
  throw new AppError(
    'forbidden',
    'Only the staff of a pilot Comune or the national technical assistance manage issues.',
  );
}

/** The fields a change really changes (keys of the API shape). */
export type IssueFieldChanges = Partial<
  Record<'status' | 'correctiveAction' | 'owner' | 'dueOn' | 'resolution', string>
>;

/**
 * What an update changes on an issue: the fields whose value differs. Moving it to 'risolta' or
 * 'chiusa' needs a resolution, given now or recorded before (400 `pilot.invalid`).
 */
export function issueChanges(issue: Issue, body: UpdateIssueBody): IssueFieldChanges {
  const closing = body.status === 'risolta' || body.status === 'chiusa';
  if (closing && !(body.resolution ?? issue.resolution)) {
    const message = 'A resolved or closed issue needs its resolution';
    throw new AppError('pilot.invalid', message, {
      fieldIssues: [{ path: 'body.resolution', message, code: 'required' }],
    });
  }
  const changes: IssueFieldChanges = {};
  if (body.status !== undefined && body.status !== issue.status) changes.status = body.status;
  if (body.correctiveAction !== undefined && body.correctiveAction !== issue.correctiveAction)
    changes.correctiveAction = body.correctiveAction;
  if (body.owner !== undefined && body.owner !== issue.owner) changes.owner = body.owner;
  if (body.dueOn !== undefined && body.dueOn !== issue.dueOn) changes.dueOn = body.dueOn;
  if (body.resolution !== undefined && body.resolution !== issue.resolution) changes.resolution = body.resolution;
  return changes;
}
