/**
 * The feedback questionnaire of an event (issue 14 item 1; decision 0059). The organisers attach a
 * published questionnaire version of the survey engine; after the event, each participant who was
 * checked in answers it once (a user from their registrations, an external participant by their
 * own link); the answers are checked by the surveys' form engine (the same code the surveys'
 * submission runs) and stored without any link to the registration. The organisers read the
 * results aggregated, under the small-number rule.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { systemAccess, type Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { evaluateForm, Form, resultQuestions, type Answers } from '../../surveys/index.js';
import { feedbackState, type FeedbackState } from '../shared/feedback.js';
import { tokenHash } from '../shared/tokens.js';
import {
  countAnswers,
  countAttended,
  insertAnswer,
  markAnswered,
  selectAnswers,
  selectEvent,
  selectForm,
  selectPublishedVersion,
  selectPublishedVersions,
  selectRegistration,
  selectRegistrationByManageHash,
  setEventForm,
  type FeedbackEventRow,
  type FeedbackRegistrationRow,
} from './feedback.repo.js';
import { feedbackResults, MIN_FEEDBACK_ANSWERS } from './feedback.rules.js';
import type {
  AttachFeedbackBody,
  FeedbackAttachment,
  FeedbackFormList,
  FeedbackReceipt,
  FeedbackResults,
  ParticipantFeedback,
} from './feedback.schema.js';

const todayOf = (now: Date) => now.toISOString().slice(0, 10);

async function loadForm(tx: Queryable, versionId: string): Promise<Form> {
  return Form.parse(await selectForm(tx, versionId));
}

/** GET /event-feedback-forms: the published questionnaires an organiser may attach. */
export async function listFeedbackForms(ctx: Ctx): Promise<FeedbackFormList> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({
    items: (await selectPublishedVersions(tx)).map((v) => ({
      id: v.id,
      surveyId: v.survey_id,
      surveyCode: v.code,
      title: v.title_it,
      versionNo: v.version_no,
      questionCount: v.question_count,
      publishedAt: v.published_at.toISOString(),
    })),
  }));
}

async function attachmentOf(tx: Queryable, e: FeedbackEventRow): Promise<FeedbackAttachment> {
  const v = e.feedback_form_version_id ? await selectPublishedVersion(tx, e.feedback_form_version_id) : null;
  return {
    eventId: e.id,
    formVersionId: e.feedback_form_version_id,
    title: v?.title_it ?? null,
    versionNo: v?.version_no ?? null,
    answers: await countAnswers(tx, e.id),
    rowVersion: e.row_version,
  };
}

/** GET /events/{eventId}/feedback-form: the questionnaire attached, with how many answered. */
export async function getAttachment(ctx: Ctx, eventId: string): Promise<FeedbackAttachment> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const e = await selectEvent(tx, eventId);
    if (!e) throw new AppError('events.event.not_found');
    return attachmentOf(tx, e);
  });
}

/**
 * PUT /events/{eventId}/feedback-form: attaches a published questionnaire version (or detaches
 * it), under the event's lock with its row version; not once answers have come (they answer that
 * version), not on a cancelled event.
 */
export async function attachFeedback(ctx: Ctx, eventId: string, body: AttachFeedbackBody): Promise<FeedbackAttachment> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const e = await selectEvent(tx, eventId, true);
    if (!e) throw new AppError('events.event.not_found');
    if (e.row_version !== body.rowVersion)
      throw new AppError('events.stale', 'Someone else changed it in the meantime: reload the page.', {
        context: { currentVersion: e.row_version },
      });
    if (e.status === 'ANNULLATO')
      throw new AppError('events.state', 'A cancelled event has no questionnaire.', { context: { status: e.status } });
    if (body.formVersionId === e.feedback_form_version_id) return attachmentOf(tx, e);
    if (body.formVersionId && !(await selectPublishedVersion(tx, body.formVersionId)))
      throw new AppError('request.invalid', 'No published questionnaire version with this id', {
        fieldIssues: [{ path: 'body.formVersionId', message: 'No published questionnaire version', code: 'custom' }],
      });
    const answers = await countAnswers(tx, eventId);
    if (answers > 0)
      throw new AppError('events.feedback.answered', 'Answers to the questionnaire were received: it stays.', {
        context: { answers },
      });
    await setEventForm(tx, eventId, body.formVersionId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'events.feedback.attach',
      entityType: 'evt_event',
      entityId: eventId,
      tenantComune: null,
      details: { formVersion: body.formVersionId },
    });
    return attachmentOf(tx, (await selectEvent(tx, eventId))!);
  });
}

function stateOf(e: FeedbackEventRow, r: FeedbackRegistrationRow, now: Date): FeedbackState {
  return feedbackState(
    {
      formVersionId: e.feedback_form_version_id,
      eventStatus: e.status,
      endsAt: e.ends_at,
      status: r.status,
      attendedAt: r.attended_at,
      feedbackAt: r.feedback_at,
    },
    now,
  );
}

async function participantView(tx: Queryable, ctx: Ctx, r: FeedbackRegistrationRow): Promise<ParticipantFeedback> {
  const e = (await selectEvent(tx, r.event_id))!;
  const state = stateOf(e, r, ctx.clock.now());
  return {
    state,
    event: { title: e.title, slug: e.slug, startsAt: e.starts_at.toISOString(), endsAt: e.ends_at.toISOString() },
    form: state === 'APERTO' ? Form.parse(await selectForm(tx, e.feedback_form_version_id!)) : null,
  };
}

/** The user's own registration (404 otherwise: another person's is not told apart from none). */
async function ownRegistration(tx: Queryable, ctx: Ctx, registrationId: string): Promise<FeedbackRegistrationRow> {
  assertCan(ctx.actor, 'events.register');
  const r = await selectRegistration(tx, registrationId, true);
  if (!r || r.user_id !== ctx.actor.userId) throw new AppError('events.registration.not_found');
  return r;
}

async function byToken(tx: Queryable, token: string): Promise<FeedbackRegistrationRow> {
  const found = await selectRegistrationByManageHash(tx, tokenHash(token));
  if (!found || found.erased_at) throw new AppError('events.link.invalid');
  return (await selectRegistration(tx, found.id, true))!;
}

/** GET /event-registrations/{registrationId}/feedback: where the user stands, with the questionnaire when open. */
export async function myFeedback(ctx: Ctx, registrationId: string): Promise<ParticipantFeedback> {
  assertCan(ctx.actor, 'events.register');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) =>
    participantView(tx, ctx, await ownRegistration(tx, ctx, registrationId)),
  );
}

/** POST /public/registrations/feedback: the same for an external participant, by their link's token. */
export async function feedbackByToken(ctx: Ctx, token: string): Promise<ParticipantFeedback> {
  return ctx.db.tx(systemAccess, async (tx) => participantView(tx, ctx, await byToken(tx, token)));
}

/**
 * One answer for a registration, under its row lock: a second one is acknowledged and not kept
 * (idempotent: `already`). The form engine checks the answers as the surveys' submission does (a
 * missing required answer, a value of the wrong type, an unknown choice, a broken constraint: 400
 * with each problem at `body.answers.<path>`), and only the answers it keeps are stored, with no
 * registration, user or time. The registration gets `feedback_at`; the audit row names the
 * registration, not the answers.
 */
async function answer(
  tx: Queryable,
  ctx: Ctx,
  r: FeedbackRegistrationRow,
  answers: Answers,
  via: 'participant' | 'participant_link',
): Promise<FeedbackReceipt> {
  const e = (await selectEvent(tx, r.event_id))!;
  const now = ctx.clock.now();
  const state = stateOf(e, r, now);
  if (state === 'INVIATO') return { state: 'INVIATO', already: true };
  if (state !== 'APERTO')
    throw new AppError('events.feedback.not_open', 'The questionnaire cannot be answered now.', { context: { state } });
  const form = await loadForm(tx, e.feedback_form_version_id!);
  const ev = evaluateForm(form, answers, { today: todayOf(now), now });
  if (ev.issues.length > 0)
    throw new AppError('request.invalid', `Some answers are missing or break a rule: ${ev.issues[0]!.message.en}`, {
      fieldIssues: ev.issues
        .slice(0, 100)
        .map((i) => ({ path: `body.answers.${i.path}`, code: i.code, message: i.message.it })),
    });
  await insertAnswer(tx, {
    id: randomUUID(),
    eventId: e.id,
    formVersionId: e.feedback_form_version_id!,
    answers: ev.values,
  });
  await markAnswered(tx, r.id, now);
  await recordAudit(tx, ctx, {
    action: 'events.feedback.answer',
    entityType: 'evt_registration',
    entityId: r.id,
    tenantComune: null,
    details: { event: e.id, via },
  });
  return { state: 'INVIATO', already: false };
}

/** POST /event-registrations/{registrationId}/feedback: the user answers for their own registration. */
export async function answerMine(ctx: Ctx, registrationId: string, answers: Answers): Promise<FeedbackReceipt> {
  assertCan(ctx.actor, 'events.register');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) =>
    answer(tx, ctx, await ownRegistration(tx, ctx, registrationId), answers, 'participant'),
  );
}

/** POST /public/registrations/feedback/answer: an external participant answers, by their link's token. */
export async function answerByToken(ctx: Ctx, token: string, answers: Answers): Promise<FeedbackReceipt> {
  return ctx.db.tx(systemAccess, async (tx) => answer(tx, ctx, await byToken(tx, token), answers, 'participant_link'));
}

/**
 * GET /events/{eventId}/feedback: the results for the organisers, aggregated (counts per choice,
 * means of scales and numbers, free texts in alphabetical order, never a name), and nothing while
 * fewer than MIN_FEEDBACK_ANSWERS have answered.
 */
export async function feedbackResultsOf(ctx: Ctx, eventId: string): Promise<FeedbackResults> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const e = await selectEvent(tx, eventId);
    if (!e) throw new AppError('events.event.not_found');
    const attended = await countAttended(tx, eventId);
    const base = { eventId, attended, minimum: MIN_FEEDBACK_ANSWERS };
    if (!e.feedback_form_version_id)
      return { ...base, title: null, versionNo: null, answers: 0, suppressed: false, questions: [] };
    const version = (await selectPublishedVersion(tx, e.feedback_form_version_id))!;
    const rows = await selectAnswers(tx, eventId, e.feedback_form_version_id);
    const form = await loadForm(tx, e.feedback_form_version_id);
    const all = rows.map((r) => r.answers as Answers);
    const out = feedbackResults(resultQuestions(form), all);
    return { ...base, title: version.title_it, versionNo: version.version_no, answers: all.length, ...out };
  });
}
