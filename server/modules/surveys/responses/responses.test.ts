/**
 * A Comune's response through the API on a real database: reading (own Comune only, reviewers
 * read-only), saving per question with no lost update, submission checked by the form engine,
 * the review with return for correction (only flagged answers editable), history, PDF, and the
 * same through a personal link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  addComuneToWave,
  completeAnswers,
  makeLink,
  makeStaffedComune,
  makeWave,
  type StaffedComune,
  type TestWave,
} from '../../../../tests/support/survey-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Resp = Schema<'SurveyResponse'>;
type Saved = Schema<'SurveySaveResult'>;
type Problem = {
  code: string;
  context?: Record<string, string | number>;
  errors?: { path: string; code: string; message: string }[];
};

let t: TestApp;
let wave: TestWave;
let A: StaffedComune;
let B: StaffedComune;
let as: { compA: Agent; valA: Agent; refA: Agent; compB: Agent; anci: Agent; mlps: Agent; operatoreA: Agent };

beforeAll(async () => {
  t = await startTestApp();
  wave = await makeWave(t.db);
  A = await makeStaffedComune(t.db);
  B = await makeStaffedComune(t.db);
  const operatore = await makeUser(t.db, { roles: ['operatore'], org: A.org });
  const mlps = await makeUser(t.db, { roles: ['mlps'] });
  as = {
    compA: await loginAs(t, A.compilatore),
    valA: await loginAs(t, A.validatore),
    refA: await loginAs(t, A.referente),
    compB: await loginAs(t, B.compilatore),
    anci: await loginAs(t, wave.author),
    mlps: await loginAs(t, mlps),
    operatoreA: await loginAs(t, operatore),
  };
});
afterAll(async () => t.close());

const url = (id: string) => `/api/v1/surveys/responses/${id}`;
const save = (agent: Agent, id: string, baseVersion: number, answers: Record<string, unknown>) =>
  agent.patch<Saved & Problem>(`${url(id)}/answers`, { baseVersion, answers });
const statusOf = async (id: string) =>
  (
    await t.db.ownerTx((tx) =>
      tx.query<{ status: string; review_round: number; row_version: number; answers: Record<string, unknown> }>(
        `SELECT wc.status, wc.review_round, r.row_version, r.answers FROM survey_wave_comuni wc JOIN survey_responses r ON r.id = wc.id WHERE wc.id = $1`,
        [id],
      ),
    )
  )[0]!;

describe('reading', () => {
  it("the Comune's users list and open their response; first opening recorded; other Comuni get 404", async () => {
    const id = await addComuneToWave(t.db, wave.waveId, A.istat);
    const list = await as.compA.get<Schema<'SurveyMyResponseList'>>('/api/v1/surveys/my/responses');
    expect(list.status).toBe(200);
    const mine = list.body.items.find((i) => i.id === id)!;
    expect(mine).toMatchObject({ status: 'invitato', waveTitle: 'Rilevazione di prova 2026' });
    expect(mine.progress.required).toBeGreaterThan(0);
    const r = await as.compA.get<Resp>(url(id));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      state: 'invitato',
      editable: 'all',
      canSubmit: false,
      side: 'comune',
      rowVersion: 0,
    });
    expect(r.body.openedAt).not.toBeNull();
    expect((r.body.form as { id: string }).id).toBe('prova_risposte');
    // B's compiler never reads A's response, nor lists it
    expect((await as.compB.get<Problem>(url(id))).body.code).toBe('surveys.response.not_found');
    expect((await as.compB.get<Problem>(url(id))).status).toBe(404);
    const listB = await as.compB.get<Schema<'SurveyMyResponseList'>>('/api/v1/surveys/my/responses');
    expect(listB.body.items.map((i) => i.id)).not.toContain(id);
    // a Comune user with no survey role: 403
    expect((await as.operatoreA.get(url(id))).status).toBe(403);
    // reviewers and readers: read-only
    const rv = await as.anci.get<Resp>(url(id));
    expect(rv.body).toMatchObject({ side: 'reviewer', editable: 'none', canSubmit: false });
    expect((await as.mlps.get<Resp>(url(id))).body.side).toBe('reviewer');
    expect((await save(as.anci, id, 0, { referente: 'x' })).status).toBe(403);
    expect((await as.compA.get(url('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });
});

describe('saving', () => {
  it('first save starts the compilation; type errors refused, rule violations returned as issues', async () => {
    const D = await makeStaffedComune(t.db);
    const id = await addComuneToWave(t.db, wave.waveId, D.istat);
    const comp = await loginAs(t, D.compilatore);
    const s = await save(comp, id, 0, { referente: 'Anna', abitanti: -5 });
    expect(s.status).toBe(200);
    expect(s.body.rowVersion).toBe(1);
    expect(s.body.state).toBe('in_compilazione');
    expect(s.body.issues.map((i) => `${i.question}:${i.code}`)).toContain('abitanti:answer.constraint');
    const bad = await save(comp, id, 1, { abitanti: 'molti' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('surveys.response.answer_invalid');
    expect(bad.body.context?.question).toBe('abitanti');
    const unknown = await save(comp, id, 1, { nonesiste: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('surveys.response.answer_invalid');
    const badRepeat = await save(comp, id, 1, { insediamenti: [{ luogo: 'X', persone: 'tanti' }] });
    expect(badRepeat.status).toBe(400);
    expect((await save(comp, id, 1, { insediamenti: 'x' })).status).toBe(400);
    // nothing of the refused saves was written
    expect((await statusOf(id)).row_version).toBe(1);
    // a null clears
    const cleared = await save(comp, id, 1, { abitanti: null });
    expect(cleared.status).toBe(200);
    expect((await statusOf(id)).answers).toEqual({ referente: 'Anna' });
    const events = await t.db.ownerTx((tx) =>
      tx.query('SELECT * FROM survey_response_events WHERE response_id = $1', [id]),
    );
    expect(events).toHaveLength(1);
    expect((await auditRows(t.db, `action = 'surveys.response.save' AND entity_id = $1`, [id])).length).toBe(2);
  });

  it('two compilers on different questions both succeed; the same question with a stale base is refused and nothing written', async () => {
    const w2 = await makeWave(t.db, { author: wave.author });
    const id = await addComuneToWave(t.db, w2.waveId, A.istat, { status: 'in_compilazione' });
    const comp2 = await loginAs(t, await makeUser(t.db, { roles: ['compilatore_indagine'], org: A.org }));
    const base = (await as.compA.get<Resp>(url(id))).body.rowVersion;
    const one = await save(as.compA, id, base, { referente: 'Uno' });
    expect(one.status).toBe(200);
    const two = await save(comp2, id, base, { abitanti: 10 });
    expect(two.status).toBe(200);
    expect(two.body.rowVersion).toBe(base + 2);
    const stale = await save(comp2, id, base, { referente: 'Due', note_b: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('surveys.response.conflict');
    expect(stale.body.context).toMatchObject({ questions: 'referente', rowVersion: base + 2 });
    const after = await statusOf(id);
    expect(after.answers).toMatchObject({ referente: 'Uno', abitanti: 10 });
    expect(after.answers.note_b).toBeUndefined();
    expect(after.row_version).toBe(base + 2);
    // after reloading, the same user saves over it
    const fresh = await comp2.get<Resp>(url(id));
    expect(fresh.body.answerVersions.referente).toBe(base + 1);
    expect((await save(comp2, id, fresh.body.rowVersion, { referente: 'Due' })).status).toBe(200);
  });
});

describe('submission and review', () => {
  it('runs the whole cycle: incomplete refused, declaration, roles, review, flags, return, only-flagged edits, resubmit, validate, consolidate, history, PDF', async () => {
    const w = await makeWave(t.db, { author: wave.author });
    const id = await addComuneToWave(t.db, w.waveId, A.istat);
    // nothing to send before the compilation starts
    expect((await as.valA.post<Problem>(`${url(id)}/submit`, { declaration: true })).body.code).toBe(
      'surveys.response.state',
    );
    const half = await save(as.compA, id, 0, { referente: 'Maria Prova', abitanti: 120 });
    expect(half.status).toBe(200);
    // a compiler may not send
    expect((await as.compA.post(`${url(id)}/submit`, { declaration: true })).status).toBe(403);
    const incomplete = await as.valA.post<Problem>(`${url(id)}/submit`, { declaration: true });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.code).toBe('surveys.response.incomplete');
    expect(incomplete.body.errors!.map((e) => e.path)).toContain('servizio');
    expect((await statusOf(id)).status).toBe('in_compilazione');
    const rest = { ...completeAnswers } as Record<string, unknown>;
    delete rest.referente;
    delete rest.abitanti;
    const v = (await as.valA.get<Resp>(url(id))).body;
    expect(v.canSubmit).toBe(true);
    expect((await save(as.valA, id, v.rowVersion, rest)).status).toBe(200);
    const noDecl = await as.valA.post<Problem>(`${url(id)}/submit`, { declaration: false });
    expect(noDecl.body.code).toBe('surveys.response.declaration');
    const sent = await as.valA.post<Schema<'SurveyResponseState'>>(`${url(id)}/submit`, { declaration: true });
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('inviato');
    // once sent, no more saving
    const late = await save(as.compA, id, 99, { note_b: 'tardi' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('surveys.response.state');
    // the Comune cannot review
    expect((await as.valA.post(`${url(id)}/review/start`)).status).toBe(403);
    // illegal transitions
    expect((await as.anci.post<Problem>(`${url(id)}/validate`)).body.code).toBe('surveys.response.state');
    expect(
      (await as.anci.post<Problem>(`${url(id)}/flags`, { question: 'abitanti', reason: 'Troppo alto' })).status,
    ).toBe(409);
    expect((await as.anci.post(`${url(id)}/review/start`)).status).toBe(200);
    expect((await as.anci.post(`${url(id)}/review/start`)).status).toBe(409);
    // return needs a flag
    expect((await as.anci.post<Problem>(`${url(id)}/return`, {})).status).toBe(409);
    expect((await as.anci.post<Problem>(`${url(id)}/flags`, { question: 'abitanti', reason: 'x' })).status).toBe(400);
    expect((await as.anci.post<Problem>(`${url(id)}/flags`, { question: 'nope', reason: 'Non esiste' })).status).toBe(
      400,
    );
    const flag = await as.anci.post<Schema<'SurveyFlag'>>(`${url(id)}/flags`, {
      question: 'abitanti',
      reason: 'Il dato sembra alto rispetto al 2021',
    });
    expect(flag.status).toBe(201);
    const other = await as.anci.post<Schema<'SurveyFlag'>>(`${url(id)}/flags`, {
      question: 'note_b',
      reason: 'Da togliere',
    });
    expect((await as.anci.request('DELETE', `${url(id)}/flags/${other.body.id}`)).status).toBe(204);
    expect((await as.anci.request('DELETE', `${url(id)}/flags/${other.body.id}`)).status).toBe(404);
    const ret = await as.anci.post<Schema<'SurveyResponseState'>>(`${url(id)}/return`, {
      note: 'Verificare la sezione A',
    });
    expect(ret.body).toMatchObject({ state: 'da_ricontattare', reviewRound: 1 });
    // the Comune sees the reason and may change only the flagged answer
    const back = (await as.compA.get<Resp>(url(id))).body;
    expect(back.editable).toBe('flagged');
    expect(back.openFlags).toEqual([
      expect.objectContaining({ question: 'abitanti', reason: 'Il dato sembra alto rispetto al 2021' }),
    ]);
    const notFlagged = await save(as.compA, id, back.rowVersion, { referente: 'Altro nome' });
    expect(notFlagged.status).toBe(409);
    expect(notFlagged.body.code).toBe('surveys.response.not_flagged');
    expect((await save(as.compA, id, back.rowVersion, { abitanti: 95 })).status).toBe(200);
    // a compiler still cannot send; the referente can
    expect((await as.compA.post(`${url(id)}/submit`, { declaration: true })).status).toBe(403);
    expect((await as.refA.post(`${url(id)}/submit`, { declaration: true })).status).toBe(200);
    const flags = await t.db.ownerTx((tx) =>
      tx.query<{ resolved_at: Date | null }>('SELECT resolved_at FROM survey_flags WHERE response_id = $1', [id]),
    );
    expect(flags.every((f) => f.resolved_at !== null)).toBe(true);
    // history: states, the change with old and new value, flags; for the Comune and the reviewers
    const h = await as.compA.get<Schema<'SurveyResponseHistory'>>(`${url(id)}/history`);
    expect(h.status).toBe(200);
    expect(h.body.events.map((e) => e.to)).toEqual([
      'in_compilazione',
      'inviato',
      'in_validazione',
      'da_ricontattare',
      'inviato',
    ]);
    expect(h.body.events[3]!.note).toBe('Verificare la sezione A');
    expect(h.body.changes).toEqual([
      expect.objectContaining({ question: 'abitanti', oldValue: 120, newValue: 95, round: 1, byLink: false }),
    ]);
    expect(h.body.flags).toHaveLength(2);
    expect((await as.compB.get(`${url(id)}/history`)).status).toBe(404);
    // queue
    const q = await as.anci.get<Schema<'SurveyReviewQueue'>>(
      `/api/v1/surveys/waves/${w.waveId}/review-queue?status=inviato`,
    );
    expect(q.status).toBe(200);
    expect(q.body.items.map((i) => i.id)).toEqual([id]);
    expect((await as.compA.get(`/api/v1/surveys/waves/${w.waveId}/review-queue`)).status).toBe(403);
    expect((await as.mlps.get(`/api/v1/surveys/waves/${w.waveId}/review-queue`)).status).toBe(403);
    // readers cannot review
    expect((await as.mlps.post(`${url(id)}/review/start`)).status).toBe(403);
    expect((await as.anci.post(`${url(id)}/review/start`)).status).toBe(200);
    expect((await as.anci.post(`${url(id)}/validate`)).status).toBe(200);
    expect((await as.anci.post(`${url(id)}/validate`)).status).toBe(409);
    expect((await as.anci.post<Schema<'SurveyResponseState'>>(`${url(id)}/consolidate`)).body.state).toBe(
      'consolidato',
    );
    const final = (await as.compA.get<Resp>(url(id))).body;
    expect(final).toMatchObject({ state: 'consolidato', editable: 'none', canSubmit: false });
    const actions = (await auditRows(t.db, 'entity_id = $1', [id])).map((r) => r.action);
    for (const a of [
      'surveys.response.submit',
      'surveys.response.review_start',
      'surveys.response.flag',
      'surveys.response.return',
      'surveys.response.validate',
      'surveys.response.consolidate',
    ]) {
      expect(actions).toContain(a);
    }
  });

  it('prints the answers as a PDF; audited', async () => {
    const w = await makeWave(t.db, { author: wave.author });
    const id = await addComuneToWave(t.db, w.waveId, A.istat, { status: 'in_compilazione', answers: completeAnswers });
    const pdf = await as.compA.get(`${url(id)}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await as.compB.get(`${url(id)}/pdf`)).status).toBe(404);
    expect((await auditRows(t.db, `action = 'surveys.response.print' AND entity_id = $1`, [id])).length).toBe(1);
  }, 60_000);
});

describe('personal links', () => {
  const link = (agent: Agent, method: 'GET' | 'PATCH' | 'POST', path: string, token: string | null, body?: unknown) =>
    agent.request<Resp & Saved & Problem>(method, `/api/v1/surveys/link/response${path}`, body, {
      headers: token === null ? {} : { 'x-survey-link': token },
    });

  it("opens only its Comune's response, saves and submits as the Comune; invalid tokens all answer 401", async () => {
    const w = await makeWave(t.db, { author: wave.author });
    const C = await makeStaffedComune(t.db);
    const id = await addComuneToWave(t.db, w.waveId, C.istat);
    const otherId = await addComuneToWave(t.db, w.waveId, A.istat);
    const good = await makeLink(t.db, id, { createdBy: wave.author.id });
    const revoked = await makeLink(t.db, id, { createdBy: wave.author.id, revoked: true });
    const expired = await makeLink(t.db, id, {
      createdBy: wave.author.id,
      expiresAt: new Date('2026-05-01T00:00:00Z'),
    });
    const anon = new Agent(t.app);
    for (const token of [null, 'garbage', revoked.token, expired.token, 'A'.repeat(43)]) {
      const r = await link(anon, 'GET', '', token);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('surveys.link.invalid');
      expect(
        (await link(anon, 'PATCH', '/answers', token, { baseVersion: 0, answers: { referente: 'x' } })).status,
      ).toBe(401);
    }
    expect((await statusOf(id)).row_version).toBe(0);
    const r = await link(anon, 'GET', '', good.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, side: 'comune', editable: 'all', comune: { istat: C.istat } });
    const s = await link(anon, 'PATCH', '/answers', good.token, { baseVersion: 0, answers: completeAnswers });
    expect(s.status).toBe(200);
    expect((await link(anon, 'POST', '/submit', revoked.token, { declaration: true })).status).toBe(401);
    expect((await link(anon, 'GET', '/pdf', expired.token)).status).toBe(401);
    const sub = await link(anon, 'POST', '/submit', good.token, { declaration: true });
    expect(sub.status).toBe(200);
    expect(sub.body.state).toBe('inviato');
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ updated_by_link: string | null; actor_link_id: string | null; last_used_at: Date | null }>(
        `SELECT r.updated_by_link, e.actor_link_id, l.last_used_at FROM survey_responses r
           JOIN survey_response_events e ON e.response_id = r.id AND e.to_status = 'inviato'
           JOIN survey_access_links l ON l.id = $2 WHERE r.id = $1`,
        [id, good.id],
      ),
    );
    expect(rows[0]).toMatchObject({ updated_by_link: good.id, actor_link_id: good.id });
    expect(rows[0]!.last_used_at).not.toBeNull();
    // the other Comune's response in the same wave stays untouched and unreachable
    expect((await statusOf(otherId)).row_version).toBe(0);
    const audit = await auditRows(t.db, `action = 'surveys.response.submit' AND entity_id = $1`, [id]);
    expect(audit[0]!.details.link).toBe(good.id);
    expect(audit[0]!.tenant_comune).toBe(C.istat);
    // after sending: read-only, printable
    expect((await link(anon, 'GET', '', good.token)).body).toMatchObject({ state: 'inviato', editable: 'none' });
    const pdf = await link(anon, 'GET', '/pdf', good.token);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
