/**
 * A Comune's response to a wave (issue 10, points 5, 7, 8; domain.md §7.3): reading it, saving
 * answers per question without lost updates, sending it, the review with return for correction,
 * and its history. The Comune acts through its users or a personal link (responses.access.ts);
 * every write is one transaction with its audit row.
 *
 * States: invitato/sollecitato → in_compilazione (first save) → inviato (submit) →
 * in_validazione (review starts) → validato → consolidato, or → da_ricontattare (returned with
 * flags; only the flagged answers may change) → inviato again.
 */
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { recordAudit } from '../../audit/index.js';
import type { AnswerIssue } from '../shared/form/engine/index.js';
import { sideOf, userCaller, type Caller, type Side } from './responses.access.js';
import { evaluate, formOfVersion, isTypeIssue, topOfPath, type FormIndex } from './responses.form.js';
import {
  insertAnswerChanges,
  insertEvent,
  insertFlag,
  markOpened,
  orderedId,
  resolveFlags,
  selectAllFlags,
  selectChanges,
  selectEvents,
  selectOpenFlags,
  selectQuestionsChangedInRound,
  selectResponse,
  selectResponsesOfComune,
  selectReviewQueue,
  updateAnswers,
  updateStatus,
  waveExists,
  type FlagRow,
  type ResponseRow,
  type ResponseStatus,
} from './responses.repo.js';
import type { AnswerIssueOut, HistoryOut, MyResponse, ResponseOut, SaveAnswersBody } from './responses.schema.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const FILLABLE: readonly ResponseStatus[] = ['invitato', 'sollecitato', 'in_compilazione'];

function editableOf(side: Side, row: ResponseRow): 'all' | 'flagged' | 'none' {
  if (side !== 'comune') return 'none';
  if (row.status === 'da_ricontattare') return 'flagged';
  if (FILLABLE.includes(row.status) && row.wave_status === 'aperta') return 'all';
  return 'none';
}

function canSubmitOf(side: Side, caller: Caller, row: ResponseRow): boolean {
  if (side !== 'comune' || !caller.maySubmit) return false;
  return row.status === 'da_ricontattare' || (row.status === 'in_compilazione' && row.wave_status === 'aperta');
}

function issueOut(i: AnswerIssue): AnswerIssueOut {
  return { path: i.path, question: i.name, code: i.code, message: { it: i.message.it, en: i.message.en } };
}

/** The issues a draft shows: everything but the missing answers (those are for "Cosa manca"). */
const draftIssues = (issues: readonly AnswerIssue[]): AnswerIssueOut[] =>
  issues.filter((i) => i.code !== 'answer.required').map(issueOut);

async function load(tx: Queryable, ctx: Ctx, caller: Caller, id: string, lock = false) {
  if (caller.enter) await caller.enter(tx);
  const row = await selectResponse(tx, caller.onlyResponse ?? id, lock);
  if (!row) throw new AppError('surveys.response.not_found');
  const side = sideOf(ctx, caller, row);
  return { row, side };
}

function audit(
  tx: Queryable,
  ctx: Ctx,
  caller: Caller,
  row: ResponseRow,
  action: Parameters<typeof recordAudit>[2]['action'],
  details: Record<string, unknown> = {},
) {
  return recordAudit(tx, ctx, {
    action,
    entityType: 'survey_response',
    entityId: row.id,
    tenantComune: row.comune_istat,
    details: { wave: row.wave_id, ...(caller.linkId ? { link: caller.linkId } : {}), ...details },
  });
}

async function changeState(
  tx: Queryable,
  ctx: Ctx,
  caller: Caller,
  row: ResponseRow,
  to: ResponseStatus,
  opts: {
    note?: string | null;
    setStarted?: boolean;
    setSubmitted?: boolean;
    setValidated?: boolean;
    bumpRound?: boolean;
  } = {},
): Promise<void> {
  const at = ctx.clock.now();
  await updateStatus(tx, row.id, { status: to, at, ...opts });
  await insertEvent(tx, {
    id: orderedId(),
    responseId: row.id,
    comune: row.comune_istat,
    from: row.status,
    to,
    note: opts.note ?? null,
    userId: caller.userId,
    linkId: caller.linkId,
    at,
  });
}

function toOut(row: ResponseRow, index: FormIndex, flags: readonly FlagRow[], side: Side, caller: Caller): ResponseOut {
  return {
    id: row.id,
    state: row.status,
    wave: {
      id: row.wave_id,
      title: row.wave_title_it,
      titleEn: row.wave_title_en,
      surveyTitle: row.survey_title_it,
      status: row.wave_status,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      versionNo: row.version_no,
    },
    comune: { istat: row.comune_istat, name: row.comune_name },
    form: index.form,
    answers: row.answers,
    rowVersion: row.row_version,
    answerVersions: row.answer_versions,
    openFlags: flags.map((f) => ({
      id: f.id,
      question: f.question,
      reason: f.reason,
      createdAt: f.created_at.toISOString(),
    })),
    editable: editableOf(side, row),
    canSubmit: canSubmitOf(side, caller, row),
    maySubmit: side === 'comune' && caller.maySubmit,
    side,
    reviewRound: row.review_round,
    openedAt: iso(row.opened_at),
    submittedAt: iso(row.submitted_at),
    validatedAt: iso(row.validated_at),
    updatedAt: iso(row.updated_at),
  };
}

// ---------------------------------------------------------------------------------------------
// reading

/** The Comune's questionnaires: every launched wave it is in, with its state and progress. */
export async function listMyResponses(ctx: Ctx): Promise<{ items: MyResponse[] }> {
  assertCan(ctx.actor, 'surveys.response.fill');
  const comune = ctx.actor.scope.level === 'comune' ? ctx.actor.scope.comuneIstat : null;
  if (!comune) return { items: [] };
  const caller = userCaller(ctx);
  return ctx.db.tx(caller.access, async (tx) => {
    const rows = await selectResponsesOfComune(tx, comune);
    const items: MyResponse[] = [];
    for (const row of rows) {
      const index = await formOfVersion(tx, row.form_version_id);
      const ev = evaluate(index, row.answers, ctx.clock.now());
      const progress = ev.sections.reduce(
        (a, s) => ({
          questions: a.questions + s.questions,
          answered: a.answered + s.answered,
          required: a.required + s.required,
          missing: a.missing + s.missing,
        }),
        { questions: 0, answered: 0, required: 0, missing: 0 },
      );
      const flags = row.status === 'da_ricontattare' ? (await selectOpenFlags(tx, row.id)).length : 0;
      items.push({
        id: row.id,
        waveId: row.wave_id,
        surveyTitle: row.survey_title_it,
        waveTitle: row.wave_title_it,
        waveStatus: row.wave_status,
        opensOn: row.opens_on,
        closesOn: row.closes_on,
        status: row.status,
        submittedAt: iso(row.submitted_at),
        updatedAt: iso(row.updated_at),
        openFlags: flags,
        progress,
      });
    }
    return { items };
  });
}

/** One response with its questionnaire; the Comune's first opening is recorded. */
export async function getResponse(ctx: Ctx, caller: Caller, id: string): Promise<ResponseOut> {
  return ctx.db.tx(caller.access, async (tx) => {
    const { row, side } = await load(tx, ctx, caller, id);
    if (side === 'comune' && row.opened_at === null) {
      const at = ctx.clock.now();
      await markOpened(tx, row.id, at);
      row.opened_at = at;
    }
    const index = await formOfVersion(tx, row.form_version_id);
    const flags = await selectOpenFlags(tx, row.id);
    return toOut(row, index, flags, side, caller);
  });
}

// ---------------------------------------------------------------------------------------------
// saving

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Saves some answers. In one transaction the row is locked; any sent answer saved by someone
 * else after the client's read (its version above baseVersion) refuses the whole save with 409
 * `surveys.response.conflict`. Type errors are refused; rule violations (constraints, missing
 * answers) are returned as issues, since a draft may be incomplete.
 */
export async function saveAnswers(
  ctx: Ctx,
  caller: Caller,
  id: string,
  body: SaveAnswersBody,
): Promise<{ rowVersion: number; savedAt: string; state: ResponseStatus; issues: AnswerIssueOut[] }> {
  return ctx.db.tx(caller.access, async (tx) => {
    const { row, side } = await load(tx, ctx, caller, id, true);
    if (side !== 'comune') throw new AppError('forbidden', 'Only the Comune fills in its questionnaire.');
    const editable = editableOf(side, row);
    if (editable === 'none') {
      throw new AppError('surveys.response.state', `The questionnaire cannot be changed in state ${row.status}.`, {
        context: { state: row.status },
      });
    }
    const index = await formOfVersion(tx, row.form_version_id);
    const names = Object.keys(body.answers);
    for (const name of names) {
      if (!index.topNames.has(name)) {
        throw new AppError('surveys.response.answer_invalid', `${name} is not a question of this questionnaire.`, {
          context: { question: name, reason: 'unknown' },
        });
      }
    }
    // no lost update: someone saved one of these answers after the client read them
    const stale = names.filter((n) => (row.answer_versions[n] ?? 0) > body.baseVersion);
    if (stale.length > 0) {
      throw new AppError('surveys.response.conflict', 'Someone else changed these answers in the meantime.', {
        context: { questions: stale.join(','), rowVersion: row.row_version },
        fieldIssues: stale.map((n) => ({
          path: n,
          code: 'changed',
          message: `Changed at version ${row.answer_versions[n]}`,
        })),
      });
    }
    if (editable === 'flagged') {
      const flagged = new Set(
        (await selectOpenFlags(tx, row.id)).map((f) => index.topOf.get(f.question) ?? f.question),
      );
      const other = names.filter((n) => !flagged.has(n) && !flagged.has(n.replace(/_other$/, '')));
      if (other.length > 0) {
        throw new AppError('surveys.response.not_flagged', 'Only the answers the reviewers flagged may change.', {
          context: { questions: other.join(',') },
        });
      }
    }
    const answers: Record<string, unknown> = { ...row.answers };
    for (const name of names) {
      const value = body.answers[name];
      const item = index.items.get(name);
      if (item?.kind === 'repeat' && value !== null && value !== undefined) {
        const entries =
          Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e));
        if (!entries) {
          throw new AppError('surveys.response.answer_invalid', `${name}: the entries must be a list of answers.`, {
            context: { question: name, reason: 'answer.not_repeat' },
          });
        }
      }
      if (value === null || value === undefined) delete answers[name];
      else answers[name] = value;
    }
    const now = ctx.clock.now();
    const ev = evaluate(index, answers, now);
    const sent = new Set(names);
    const bad = ev.issues.find((i) => isTypeIssue(i) && sent.has(topOfPath(i.path)));
    if (bad) {
      throw new AppError('surveys.response.answer_invalid', `${bad.path}: ${bad.message.en}`, {
        context: { question: bad.name, path: bad.path, reason: bad.code, message: bad.message.it },
      });
    }
    const changed = names.filter((n) => !sameJson(row.answers[n], answers[n]));
    const rowVersion = row.row_version + 1;
    const versions = { ...row.answer_versions };
    for (const n of changed) versions[n] = rowVersion;
    await updateAnswers(tx, {
      id: row.id,
      answers,
      versions,
      rowVersion,
      userId: caller.userId,
      linkId: caller.linkId,
      at: now,
    });
    let state = row.status;
    if (row.status === 'invitato' || row.status === 'sollecitato') {
      await changeState(tx, ctx, caller, row, 'in_compilazione', { setStarted: true });
      state = 'in_compilazione';
    }
    if (row.review_round > 0 || row.submitted_at !== null) {
      await insertAnswerChanges(
        tx,
        changed.map((n) => ({
          id: orderedId(),
          responseId: row.id,
          comune: row.comune_istat,
          question: n,
          old: row.answers[n],
          new: answers[n],
          userId: caller.userId,
          linkId: caller.linkId,
          at: now,
          round: row.review_round,
        })),
      );
    }
    await audit(tx, ctx, caller, row, 'surveys.response.save', { questions: changed.length, rowVersion });
    return { rowVersion, savedAt: now.toISOString(), state, issues: draftIssues(ev.issues) };
  });
}

// ---------------------------------------------------------------------------------------------
// sending

export async function submitResponse(
  ctx: Ctx,
  caller: Caller,
  id: string,
  declaration: boolean,
): Promise<{ id: string; state: ResponseStatus; reviewRound: number }> {
  return ctx.db.tx(caller.access, async (tx) => {
    const { row, side } = await load(tx, ctx, caller, id, true);
    if (side !== 'comune' || !caller.maySubmit) {
      throw new AppError('forbidden', 'Only the validatore or the referente of the Comune sends the questionnaire.');
    }
    if (!canSubmitOf(side, caller, row)) {
      throw new AppError('surveys.response.state', `The questionnaire cannot be sent in state ${row.status}.`, {
        context: { state: row.status },
      });
    }
    if (!declaration) {
      throw new AppError('surveys.response.declaration', 'The declaration must be accepted to send the questionnaire.');
    }
    const index = await formOfVersion(tx, row.form_version_id);
    const ev = evaluate(index, row.answers, ctx.clock.now());
    if (ev.issues.length > 0) {
      throw new AppError('surveys.response.incomplete', 'Some answers are missing or break a rule.', {
        context: { count: ev.issues.length },
        fieldIssues: ev.issues.slice(0, 200).map((i) => ({ path: i.path, code: i.code, message: i.message.it })),
      });
    }
    let resolved = 0;
    if (row.status === 'da_ricontattare') {
      const changedNow = await selectQuestionsChangedInRound(tx, row.id, row.review_round);
      const flags = await selectOpenFlags(tx, row.id);
      const fixed = flags.filter((f) => changedNow.has(index.topOf.get(f.question) ?? f.question));
      resolved = await resolveFlags(
        tx,
        fixed.map((f) => f.id),
        ctx.clock.now(),
      );
    }
    await changeState(tx, ctx, caller, row, 'inviato', { setSubmitted: true });
    await audit(tx, ctx, caller, row, 'surveys.response.submit', { round: row.review_round, flagsResolved: resolved });
    return { id: row.id, state: 'inviato' as const, reviewRound: row.review_round };
  });
}

// ---------------------------------------------------------------------------------------------
// review

type ReviewAction = 'start' | 'return' | 'validate' | 'consolidate';

const transitions: Record<ReviewAction, { from: ResponseStatus; to: ResponseStatus }> = {
  start: { from: 'inviato', to: 'in_validazione' },
  return: { from: 'in_validazione', to: 'da_ricontattare' },
  validate: { from: 'in_validazione', to: 'validato' },
  consolidate: { from: 'validato', to: 'consolidato' },
};

const auditOf = {
  start: 'surveys.response.review_start',
  return: 'surveys.response.return',
  validate: 'surveys.response.validate',
  consolidate: 'surveys.response.consolidate',
} as const;

async function loadForReview(tx: Queryable, ctx: Ctx, id: string) {
  const caller = userCaller(ctx);
  const { row } = await load(tx, ctx, caller, id, true);
  assertCan(ctx.actor, 'surveys.review');
  return { row, caller };
}

function assertState(row: ResponseRow, from: ResponseStatus): void {
  if (row.status !== from) {
    throw new AppError('surveys.response.state', `The response is ${row.status}, not ${from}.`, {
      context: { state: row.status, expected: from },
    });
  }
}

export async function reviewTransition(
  ctx: Ctx,
  id: string,
  action: ReviewAction,
  note?: string,
): Promise<{ id: string; state: ResponseStatus; reviewRound: number }> {
  assertCan(ctx.actor, 'surveys.review');
  return ctx.db.tx(userCaller(ctx).access, async (tx) => {
    const { row, caller } = await loadForReview(tx, ctx, id);
    const t = transitions[action];
    assertState(row, t.from);
    const open = action === 'return' || action === 'validate' ? await selectOpenFlags(tx, row.id) : [];
    if (action === 'return' && open.length === 0) {
      throw new AppError('surveys.response.state', 'Flag at least one answer, with its reason, before returning it.', {
        context: { state: row.status, openFlags: 0 },
      });
    }
    if (action === 'validate' && open.length > 0) {
      throw new AppError('surveys.response.state', 'Withdraw or resolve the open flags before validating.', {
        context: { state: row.status, openFlags: open.length },
      });
    }
    await changeState(tx, ctx, caller, row, t.to, {
      note: note && note.trim() !== '' ? note.trim() : null,
      bumpRound: action === 'return',
      setValidated: action === 'validate',
    });
    await audit(tx, ctx, caller, row, auditOf[action], action === 'return' ? { flags: open.length } : {});
    return { id: row.id, state: t.to, reviewRound: row.review_round + (action === 'return' ? 1 : 0) };
  });
}

export async function addFlag(
  ctx: Ctx,
  id: string,
  body: { question: string; reason: string },
): Promise<{ id: string; question: string; reason: string; createdAt: string }> {
  assertCan(ctx.actor, 'surveys.review');
  return ctx.db.tx(userCaller(ctx).access, async (tx) => {
    const { row, caller } = await loadForReview(tx, ctx, id);
    assertState(row, 'in_validazione');
    const index = await formOfVersion(tx, row.form_version_id);
    if (!index.items.has(body.question)) {
      throw new AppError(
        'surveys.response.answer_invalid',
        `${body.question} is not a question of this questionnaire.`,
        {
          context: { question: body.question, reason: 'unknown' },
        },
      );
    }
    const flag = { id: orderedId(), question: body.question, reason: body.reason.trim(), createdAt: ctx.clock.now() };
    await insertFlag(tx, {
      id: flag.id,
      responseId: row.id,
      comune: row.comune_istat,
      question: flag.question,
      reason: flag.reason,
      round: row.review_round,
      by: ctx.actor!.userId,
      at: flag.createdAt,
    });
    await audit(tx, ctx, caller, row, 'surveys.response.flag', { flag: flag.id, question: flag.question });
    return { ...flag, createdAt: flag.createdAt.toISOString() };
  });
}

export async function withdrawFlag(ctx: Ctx, id: string, flagId: string): Promise<void> {
  assertCan(ctx.actor, 'surveys.review');
  await ctx.db.tx(userCaller(ctx).access, async (tx) => {
    const { row, caller } = await loadForReview(tx, ctx, id);
    assertState(row, 'in_validazione');
    const open = await selectOpenFlags(tx, row.id);
    if (!open.some((f) => f.id === flagId)) throw new AppError('surveys.flag.not_found');
    await resolveFlags(tx, [flagId], ctx.clock.now());
    await audit(tx, ctx, caller, row, 'surveys.response.flag', { flag: flagId, withdrawn: true });
  });
}

export async function responseHistory(ctx: Ctx, caller: Caller, id: string): Promise<HistoryOut> {
  return ctx.db.tx(caller.access, async (tx) => {
    const { row } = await load(tx, ctx, caller, id);
    const [events, changes, flags] = await Promise.all([
      selectEvents(tx, row.id),
      selectChanges(tx, row.id),
      selectAllFlags(tx, row.id),
    ]);
    return {
      events: events.map((e) => ({
        id: e.id,
        from: e.from_status,
        to: e.to_status,
        note: e.note,
        by: e.actor_name,
        byLink: e.actor_link_id !== null,
        at: e.at.toISOString(),
      })),
      changes: changes.map((c) => ({
        id: c.id,
        question: c.question,
        oldValue: c.old_value,
        newValue: c.new_value,
        by: c.changed_by_name,
        byLink: c.changed_by_link !== null,
        at: c.changed_at.toISOString(),
        round: c.review_round,
      })),
      flags: flags.map((f) => ({
        id: f.id,
        question: f.question,
        reason: f.reason,
        round: f.review_round,
        by: f.created_by_name,
        createdAt: f.created_at.toISOString(),
        resolvedAt: iso(f.resolved_at),
      })),
    };
  });
}

export async function reviewQueue(
  ctx: Ctx,
  waveId: string,
  q: { status?: 'inviato' | 'in_validazione' | 'da_ricontattare'; page: number; pageSize: number },
): Promise<
  Page<{
    id: string;
    comune: { istat: string; name: string };
    status: ResponseStatus;
    submittedAt: string | null;
    statusChangedAt: string;
    reviewRound: number;
    openFlags: number;
  }>
> {
  assertCan(ctx.actor, 'surveys.review');
  return ctx.db.tx(userCaller(ctx).access, async (tx) => {
    if (!(await waveExists(tx, waveId))) throw new AppError('surveys.wave.not_found');
    const statuses: ResponseStatus[] = q.status ? [q.status] : ['inviato', 'in_validazione', 'da_ricontattare'];
    const { rows, total } = await selectReviewQueue(tx, waveId, statuses, q.pageSize, offsetOf(q));
    return {
      items: rows.map((r) => ({
        id: r.id,
        comune: { istat: r.comune_istat, name: r.comune_name },
        status: r.status,
        submittedAt: iso(r.submitted_at),
        statusChangedAt: r.status_changed_at.toISOString(),
        reviewRound: r.review_round,
        openFlags: r.open_flags,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** Everything the printed answers need, read in one transaction; the print is audited. */
export async function loadForPrint(ctx: Ctx, caller: Caller, id: string) {
  return ctx.db.tx(caller.access, async (tx) => {
    const { row } = await load(tx, ctx, caller, id);
    const index = await formOfVersion(tx, row.form_version_id);
    await audit(tx, ctx, caller, row, 'surveys.response.print');
    return { row, index };
  });
}
