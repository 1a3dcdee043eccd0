/**
 * The feedback questionnaire through the API (issue 14 item 1; decision 0059): the organisers
 * attach a published questionnaire version of the survey engine (row version, not a draft, not
 * once answered); after the event a participant who was checked in answers it once (a user for
 * their own registration, an external participant by their link's token), checked by the surveys'
 * form engine; the answers are stored without the registration; the organisers read aggregated
 * results under the small-number rule.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import {
  makeEvent,
  makeOrganiser,
  makeRegistration,
  type TestEvent,
} from '../../../../tests/support/event-factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { insertSurvey, insertVersion, publishVersion } from '../../surveys/index.js';
import { FEEDBACK_FORM } from './feedback.form.js';
import { MIN_FEEDBACK_ANSWERS } from './feedback.rules.js';

type Attachment = Schema<'EventFeedbackAttachment'>;
type Participant = Schema<'EventParticipantFeedback'>;
type Receipt = Schema<'EventFeedbackReceipt'>;
type Results = Schema<'EventFeedbackResults'>;
type Problem = { code: string; context?: { state?: string; answers?: number }; errors?: { path: string }[] };

let t: TestApp;
let organiser: TestUser;
let as: { organiser: Agent; referente: Agent; anon: Agent };
let published: string;
let draft: string;
const HOUR = 3_600_000;

/** A survey with a published version of the default questionnaire and a later draft. */
async function makeQuestionnaire(): Promise<{ published: string; draft: string }> {
  const surveyId = randomUUID();
  const ids = { published: randomUUID(), draft: randomUUID() };
  const now = new Date();
  await t.db.ownerTx(async (tx) => {
    await insertSurvey(tx, {
      id: surveyId,
      code: `gradimento-${surveyId.slice(0, 8)}`,
      titleIt: 'Gradimento di prova',
      titleEn: null,
      descriptionIt: null,
      createdBy: organiser.id,
      createdAt: now,
    });
    for (const id of [ids.published, ids.draft])
      await insertVersion(tx, {
        id,
        surveyId,
        form: FEEDBACK_FORM,
        report: [],
        sourceFilename: 'prova.xlsx',
        questionCount: 5,
        createdBy: organiser.id,
        createdAt: now,
      });
    await publishVersion(tx, ids.published, 1, organiser.id, now);
  });
  return ids;
}

beforeAll(async () => {
  t = await startTestApp();
  organiser = await makeOrganiser(t.db);
  as = {
    organiser: await loginAs(t, organiser),
    referente: await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'] })),
    anon: new Agent(t.app),
  };
  ({ published, draft } = await makeQuestionnaire());
});
afterAll(async () => t.close());

/** An event that ended yesterday (by the test clock), with the questionnaire attached through the API. */
async function endedEventWithForm(): Promise<TestEvent> {
  const ev = await makeEvent(t.db, organiser, { startsAt: new Date(t.clock.now().getTime() - 28 * HOUR) });
  const res = await as.organiser.request<Attachment>('PUT', `/api/v1/events/${ev.id}/feedback-form`, {
    formVersionId: published,
    rowVersion: 1,
  });
  expect(res.status).toBe(200);
  return ev;
}

const good = { soddisfazione: '5', utilita: '4', organizzazione: '3', parti_utili: 'gruppi casi', commenti: 'Bene' };

describe('attaching a questionnaire', () => {
  it('lists the published versions only, to the organisers only', async () => {
    const list = await as.organiser.get<Schema<'EventFeedbackFormList'>>('/api/v1/event-feedback-forms');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i) => i.id);
    expect(ids).toContain(published);
    expect(ids).not.toContain(draft);
    expect(list.body.items.find((i) => i.id === published)).toMatchObject({
      versionNo: 1,
      title: 'Gradimento di prova',
    });
    expect((await as.referente.get('/api/v1/event-feedback-forms')).status).toBe(403);
    expect((await as.anon.get('/api/v1/event-feedback-forms')).status).toBe(401);
  });

  it('attaches a published version with the row version; stale 409, a draft 400, others 403; audited', async () => {
    const ev = await makeEvent(t.db, organiser);
    const url = `/api/v1/events/${ev.id}/feedback-form`;
    expect((await as.referente.request('PUT', url, { formVersionId: published, rowVersion: 1 })).status).toBe(403);
    const bad = await as.organiser.request<Problem>('PUT', url, { formVersionId: draft, rowVersion: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('body.formVersionId');
    expect((await as.organiser.request('PUT', url, { formVersionId: published })).status).toBe(400);
    const ok = await as.organiser.request<Attachment>('PUT', url, { formVersionId: published, rowVersion: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ formVersionId: published, versionNo: 1, answers: 0, rowVersion: 2 });
    const stale = await as.organiser.request<Problem>('PUT', url, { formVersionId: null, rowVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('events.stale');
    expect((await as.organiser.get<Attachment>(url)).body.formVersionId).toBe(published);
    expect(await auditRows(t.db, "action = 'events.feedback.attach' AND entity_id = $1", [ev.id])).toHaveLength(1);
    const missing = await as.organiser.request('PUT', `/api/v1/events/${randomUUID()}/feedback-form`, {
      formVersionId: null,
      rowVersion: 1,
    });
    expect(missing.status).toBe(404);
  });
});

describe('a user answers', () => {
  it('only after the event and a check-in; once (a second answer is acknowledged, not kept); checked by the form engine', async () => {
    const user = await makeUser(t.db, { roles: ['operatore'] });
    const agent = await loginAs(t, user);
    // before the end: not yet
    const soon = await makeEvent(t.db, organiser, { startsAt: new Date(t.clock.now().getTime() + 2 * HOUR) });
    await as.organiser.request('PUT', `/api/v1/events/${soon.id}/feedback-form`, {
      formVersionId: published,
      rowVersion: 1,
    });
    const early = await makeRegistration(t.db, soon, { user, attended: true });
    const notYet = await agent.post<Problem>(`/api/v1/event-registrations/${early.id}/feedback`, { answers: good });
    expect(notYet.status).toBe(409);
    expect(notYet.body).toMatchObject({ code: 'events.feedback.not_open', context: { state: 'NON_ANCORA' } });

    // ended, but no check-in: not for them
    const ev = await endedEventWithForm();
    const absentUser = await makeUser(t.db, { roles: ['operatore'] });
    const absent = await makeRegistration(t.db, ev, { user: absentUser });
    const absentAgent = await loginAs(t, absentUser);
    const view = await absentAgent.get<Participant>(`/api/v1/event-registrations/${absent.id}/feedback`);
    expect(view.body).toMatchObject({ state: 'NON_PRESENTE', form: null });
    expect(
      (await absentAgent.post<Problem>(`/api/v1/event-registrations/${absent.id}/feedback`, { answers: good })).body
        .context?.state,
    ).toBe('NON_PRESENTE');

    // checked in: the questionnaire, in the surveys' model
    const reg = await makeRegistration(t.db, ev, { user, attended: true });
    const open = await agent.get<Participant>(`/api/v1/event-registrations/${reg.id}/feedback`);
    expect(open.status).toBe(200);
    expect(open.body.state).toBe('APERTO');
    expect((open.body.form as { id: string }).id).toBe('gradimento_eventi');
    const mine = await agent.get<Schema<'EventMyRegistrationList'>>('/api/v1/event-registrations/mine');
    expect(mine.body.items.find((i) => i.id === reg.id)?.feedback).toBe('APERTO');

    // the form engine: a required scale missing, a choice not in the list
    const { soddisfazione: _s, ...noScale } = good;
    const missing = await agent.post<Problem>(`/api/v1/event-registrations/${reg.id}/feedback`, {
      answers: { ...noScale, utilita: '9' },
    });
    expect(missing.status).toBe(400);
    const paths = missing.body.errors!.map((e) => e.path);
    expect(paths).toContain('body.answers.soddisfazione');
    expect(paths).toContain('body.answers.utilita');
    expect((await agent.post(`/api/v1/event-registrations/${reg.id}/feedback`, {})).status).toBe(400);

    // someone else's registration is not theirs
    expect((await absentAgent.post(`/api/v1/event-registrations/${reg.id}/feedback`, { answers: good })).status).toBe(
      404,
    );
    expect((await as.anon.post(`/api/v1/event-registrations/${reg.id}/feedback`, { answers: good })).status).toBe(401);

    const first = await agent.post<Receipt>(`/api/v1/event-registrations/${reg.id}/feedback`, {
      answers: { ...good, extra: 'not a question' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ state: 'INVIATO', already: false });
    const second = await agent.post<Receipt>(`/api/v1/event-registrations/${reg.id}/feedback`, {
      answers: { ...good, soddisfazione: '1' },
    });
    expect(second.body).toEqual({ state: 'INVIATO', already: true });
    expect((await agent.get<Participant>(`/api/v1/event-registrations/${reg.id}/feedback`)).body.state).toBe('INVIATO');

    // stored once, without the registration (no column names it), only the questions' answers
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ answers: Record<string, unknown> }>('SELECT answers FROM evt_feedback_answers WHERE event_id = $1', [
        ev.id,
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual(good);
    const columns = await t.db.ownerTx((tx) =>
      tx.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'evt_feedback_answers'`,
      ),
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(['answers', 'event_id', 'form_version_id', 'id']);
    const audit = await auditRows(t.db, "action = 'events.feedback.answer' AND entity_id = $1", [reg.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('Bene');
  });

  it('two answers at the same moment for one registration keep exactly one', async () => {
    const ev = await endedEventWithForm();
    const user = await makeUser(t.db, { roles: ['operatore'] });
    const agent = await loginAs(t, user);
    const reg = await makeRegistration(t.db, ev, { user, attended: true });
    const both = await Promise.all(
      [1, 2, 3].map(() => agent.post<Receipt>(`/api/v1/event-registrations/${reg.id}/feedback`, { answers: good })),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(both.filter((r) => !r.body.already)).toHaveLength(1);
    const [n] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM evt_feedback_answers WHERE event_id = $1', [ev.id]),
    );
    expect(n!.n).toBe(1);
  });
});

describe('an external participant answers by their link', () => {
  it('with the token only; once; an unknown token is 404', async () => {
    const ev = await endedEventWithForm();
    const reg = await makeRegistration(t.db, ev, { attended: true });
    const view = await as.anon.post<Participant>('/api/v1/public/registrations/feedback', { token: reg.manageToken });
    expect(view.status).toBe(200);
    expect(view.body.state).toBe('APERTO');
    expect(view.body.event.slug).toBe(ev.slug);
    const sent = await as.anon.post<Receipt>('/api/v1/public/registrations/feedback/answer', {
      token: reg.manageToken,
      answers: good,
    });
    expect(sent.body).toEqual({ state: 'INVIATO', already: false });
    const again = await as.anon.post<Receipt>('/api/v1/public/registrations/feedback/answer', {
      token: reg.manageToken,
      answers: good,
    });
    expect(again.body.already).toBe(true);
    const wrong = await as.anon.post<Problem>('/api/v1/public/registrations/feedback', { token: 'x'.repeat(32) });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('events.link.invalid');
    expect((await as.anon.post('/api/v1/public/registrations/feedback', {})).status).toBe(400);
  });
});

describe('the results', () => {
  it('are aggregated for the organisers, nothing under the minimum; the questionnaire stays once answered', async () => {
    const ev = await endedEventWithForm();
    const regs = [];
    for (let i = 0; i < MIN_FEEDBACK_ANSWERS + 1; i++) regs.push(await makeRegistration(t.db, ev, { attended: true }));
    const send = (token: string, answers: Record<string, unknown>) =>
      as.anon.post('/api/v1/public/registrations/feedback/answer', { token, answers });
    const url = `/api/v1/events/${ev.id}/feedback`;
    for (let i = 0; i < MIN_FEEDBACK_ANSWERS - 1; i++)
      await send(regs[i]!.manageToken, {
        ...good,
        soddisfazione: String(3 + (i % 3)),
        commenti: `Commento ${String.fromCharCode(90 - i)}`,
      });
    const few = await as.organiser.get<Results>(url);
    expect(few.body).toMatchObject({ answers: MIN_FEEDBACK_ANSWERS - 1, suppressed: true, questions: [], attended: 6 });
    await send(regs[MIN_FEEDBACK_ANSWERS - 1]!.manageToken, { soddisfazione: '1', utilita: '2', organizzazione: '2' });
    const res = await as.organiser.get<Results>(url);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ answers: MIN_FEEDBACK_ANSWERS, suppressed: false, versionNo: 1 });
    const q = (name: string) => res.body.questions.find((x) => x.name === name)!;
    // 3, 4, 5, 3 and 1
    expect(q('soddisfazione').choices.map((c) => c.count)).toEqual([1, 0, 2, 1, 1]);
    expect(q('soddisfazione').mean).toBe(3.2);
    expect(q('parti_utili').choices.find((c) => c.code === 'gruppi')!.count).toBe(4);
    expect(q('commenti').texts).toEqual(['Commento W', 'Commento X', 'Commento Y', 'Commento Z']);
    expect(JSON.stringify(res.body)).not.toContain('Partecipante');
    expect((await as.referente.get(url)).status).toBe(403);
    // the questionnaire answered cannot be swapped or removed
    const att = await as.organiser.get<Attachment>(`/api/v1/events/${ev.id}/feedback-form`);
    expect(att.body.answers).toBe(MIN_FEEDBACK_ANSWERS);
    const swap = await as.organiser.request<Problem>('PUT', `/api/v1/events/${ev.id}/feedback-form`, {
      formVersionId: null,
      rowVersion: att.body.rowVersion,
    });
    expect(swap.status).toBe(409);
    expect(swap.body.code).toBe('events.feedback.answered');
  });
});
