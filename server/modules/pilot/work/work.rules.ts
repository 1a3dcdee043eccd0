/**
 * The rules of the work list, pure (no I/O): a task in the reader's words with the place where to
 * act, the digest e-mail's text, and who may manage critical issues. Which tasks the data calls
 * for is ../shared/tasks.rules.ts (every sub-feature refreshes the list).
 */
import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { labelOf, type LabelLanguage } from '../shared/labels.js';
import { formatTaskDate, taskSentence, type TaskParams } from '../shared/tasks.rules.js';
import { caseManagerRoles, taskKinds, type TaskAssignee } from '../shared/vocab.js';
import type { DigestTask, TaskRow } from './work.repo.js';
import type { Issue, UpdateIssueBody } from './work.schema.js';

/** The digest lists open tasks due within this many days, and every overdue one. */
export const DIGEST_HORIZON_DAYS = 7;

/**
 * The assignees whose tasks a holder of `roles` receives in their Comune (the case manager's follow
 * the case): their own role's, and the operatori's and referenti's together for those roles.
 */
export function taskRolesOf(roles: readonly string[]): TaskAssignee[] {
  const own = roles.filter((r): r is TaskAssignee => r === 'referente_comunale' || r === 'responsabile_amministrativo');
  const holdsCases = roles.some((r) => (caseManagerRoles as readonly string[]).includes(r));
  return holdsCases ? [...own, 'operatori_referenti'] : own;
}

/** A task's sentence in `lang`; a task written by an older release keeps its stored (Italian) text. */
export function taskText(lang: LabelLanguage, t: Pick<TaskRow, 'params' | 'label'>): string {
  return t.params.text ? taskSentence(lang, t.params as TaskParams) : t.label;
}

/**
 * Where to act on a task, as a path of the web application: the PAI to approve or review, the
 * case, the referrals waiting in screening, or, for the responsabile amministrativo (who sees no
 * person), the budget page.
 */
export function taskLink(t: Pick<TaskRow, 'assignee_role' | 'case_id' | 'params' | 'kind'>): string {
  if (t.kind === 'referral_screening') return '/segnalazioni?outcome=in_screening';
  if (t.assignee_role === 'responsabile_amministrativo' || !t.case_id) return '/budget';
  const paiId = (t.params as { paiId?: string }).paiId;
  return paiId ? `/pai/${paiId}` : `/casi/${t.case_id}`;
}

const digestWords = {
  it: {
    subject: (n: number) => `InCaS: ${n} attività da svolgere`,
    greeting: 'Buongiorno,',
    intro: (n: number, days: number) =>
      n === 1
        ? `nella sua lista di lavoro di InCaS c'è 1 attività aperta, scaduta o in scadenza entro ${days} giorni.`
        : `nella sua lista di lavoro di InCaS ci sono ${n} attività aperte, scadute o in scadenza entro ${days} giorni.`,
    due: (date: string) => `entro il ${date}`,
    overdue: 'scaduta',
    open: 'Dove agire',
    details: 'Apra InCaS per i dettagli',
    noReply: 'Messaggio automatico: si prega di non rispondere.',
  },
  en: {
    subject: (n: number) => `InCaS: ${n} ${n === 1 ? 'task' : 'tasks'} to do`,
    greeting: 'Good morning,',
    intro: (n: number, days: number) =>
      n === 1
        ? `your InCaS work list has 1 open task that is overdue or due within ${days} days.`
        : `your InCaS work list has ${n} open tasks that are overdue or due within ${days} days.`,
    due: (date: string) => `due ${date}`,
    overdue: 'overdue',
    open: 'Where to act',
    details: 'Open InCaS for the details',
    noReply: 'Automatic message: please do not reply.',
  },
} as const;

/**
 * The digest e-mail of one user, in their language: the tasks counted by kind, then each with its
 * due date in words, its sentence and the link where to act. Pseudonyms only, never names; no
 * codes.
 */
export function digestMessage(
  lang: LabelLanguage,
  tasks: DigestTask[],
  today: string,
  publicUrl: string,
): { subject: string; text: string } {
  const w = digestWords[lang];
  const base = publicUrl.replace(/\/+$/, '');
  const n = tasks.length;
  const counts = taskKinds
    .map((k) => [k, tasks.filter((t) => t.kind === k).length] as const)
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${labelOf(lang, 'taskKind', k)}: ${c}`);
  const lines = tasks.flatMap((t) => [
    `- ${w.due(formatTaskDate(lang, t.due_on))}${t.due_on < today ? ` (${w.overdue})` : ''}: ${taskText(lang, t)}`,
    `  ${w.open}: ${base}${taskLink(t)}`,
  ]);
  return {
    subject: w.subject(n),
    text: [
      w.greeting,
      '',
      w.intro(n, DIGEST_HORIZON_DAYS),
      '',
      ...counts,
      '',
      ...lines,
      '',
      `${w.details}: ${base}/`,
      '',
      w.noReply,
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
