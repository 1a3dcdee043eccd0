/**
 * The knowledge base through the API: the help desk writes an entry from a resolved request (a new
 * record: nothing of the request's Comune, people or messages goes with it), the check warns of the
 * Comune's name, names, e-mail addresses and phone numbers and publishing needs a confirmation then;
 * published entries are found in Italian (stemming, websearch syntax) by every logged-in user and
 * publicly; drafts and withdrawn entries are the help desk's only (API and row-level security).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import { makePlanComune, type TestPlanComune } from '../../../../tests/support/plan-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Answer = Schema<'HelpAnswer'>;
type Hits = Schema<'HelpAnswerHits'>;
type PublicHits = Schema<'HelpAnswerPublicHits'>;
type Problem = { code: string; context?: { warnings?: { kind: string; match: string }[] } };

let t: TestApp;
let a: TestPlanComune;
let comuneName: string;
let anciUser: TestUser;
let as: { ref: Agent; anci: Agent; mlps: Agent; anon: Agent };
let requestId: string;

beforeAll(async () => {
  t = await startTestApp();
  a = await makePlanComune(t.db);
  anciUser = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
  as = {
    ref: await loginAs(t, a.referente),
    anci: await loginAs(t, anciUser),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    anon: new Agent(t.app),
  };
  [{ name: comuneName }] = (await t.db.ownerTx((tx) =>
    tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [a.istat]),
  )) as [{ name: string }];
  const opened = await as.ref.post<Schema<'HelpRequest'>>('/api/v1/help-requests', {
    topic: 'RENDICONTAZIONE',
    subject: 'IVA ammissibile',
    body: `Il Comune di ${comuneName} chiede se l'IVA sia ammissibile. Scrivete a ufficio@comune.prova.it`,
  });
  requestId = opened.body.request.id;
});
afterAll(async () => t.close());

const draft = (body: Record<string, unknown> = {}) =>
  as.anci.post<Answer & Problem>('/api/v1/help-answers', {
    sourceRequestId: requestId,
    topic: 'RENDICONTAZIONE',
    question: "Quando l'IVA è una spesa ammissibile nella rendicontazione?",
    answer:
      "L'IVA è ammissibile solo quando non è recuperabile dal beneficiario, che lo dichiara nella domanda di rimborso.",
    keywords: ['IVA', 'spese ammissibili'],
    ...body,
  });

describe('writing an entry', () => {
  it('is written from a resolved request only', async () => {
    const early = await draft();
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('helpdesk.state');
    await as.anci.post(`/api/v1/help-requests/${requestId}/messages`, { body: 'Vi rispondiamo a breve.' });
    await as.anci.post(`/api/v1/help-requests/${requestId}/resolve`, { resolution: 'Solo se non recuperabile.' });
  });

  it("is a new record that carries nothing of the request's Comune or messages, and warns of its details", async () => {
    const clean = await draft();
    expect(clean.status).toBe(201);
    expect(clean.body).toMatchObject({ status: 'BOZZA', sourceRequestId: requestId, warnings: [] });
    expect(clean.body.slug).toBe('quando-l-iva-e-una-spesa-ammissibile-nella-rendicontazione');
    const text = JSON.stringify(clean.body);
    expect(text).not.toContain(comuneName);
    expect(text).not.toContain('ufficio@comune.prova.it');
    const dirty = await draft({
      question: `Il Comune di ${comuneName} chiede: l'IVA è ammissibile?`,
      answer:
        "Come detto al referente (tel. 06 1234 5678, ufficio@comune.prova.it), l'IVA non recuperabile è ammissibile.",
    });
    expect(dirty.status).toBe(201);
    expect(dirty.body.warnings.map((w) => w.kind).sort()).toEqual(['COMUNE', 'EMAIL', 'TELEFONO']);
    const refused = await as.anci.post<Problem>(`/api/v1/help-answers/${dirty.body.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('helpdesk.answer.personal_data');
    expect(refused.body.context!.warnings!.map((w) => w.kind)).toContain('COMUNE');
    // rewritten, it publishes; with a stale version it does not
    const fixed = await as.anci.patch<Answer>(`/api/v1/help-answers/${dirty.body.id}`, {
      question: "Un Comune chiede: l'IVA è ammissibile?",
      answer: "L'IVA non recuperabile dal beneficiario è ammissibile; va dichiarata nella domanda di rimborso.",
      rowVersion: dirty.body.rowVersion,
    });
    expect(fixed.body.warnings).toEqual([]);
    expect(
      (await as.anci.post(`/api/v1/help-answers/${dirty.body.id}/publish`, { rowVersion: dirty.body.rowVersion }))
        .status,
    ).toBe(409);
    const published = await as.anci.post<Answer>(`/api/v1/help-answers/${dirty.body.id}/publish`, {
      rowVersion: fixed.body.rowVersion,
    });
    expect(published.body.status).toBe('PUBBLICATA');
    expect(await auditRows(t.db, "action LIKE 'helpdesk.answer.%' AND entity_id = $1", [dirty.body.id])).toHaveLength(
      3,
    );
  });

  it('publishes despite warnings only when confirmed', async () => {
    const d = await draft({
      answer: "Per l'IVA si veda la circolare; numero verde 800 123 456 per chiarimenti generali.",
    });
    expect(d.body.warnings.map((w) => w.kind)).toEqual(['TELEFONO']);
    const ok = await as.anci.post<Answer>(`/api/v1/help-answers/${d.body.id}/publish`, { acknowledgeWarnings: true });
    expect(ok.body.status).toBe('PUBBLICATA');
    const w = await as.anci.post<Answer>(`/api/v1/help-answers/${d.body.id}/withdraw`, {});
    expect(w.body.status).toBe('RITIRATA');
    expect((await as.anci.post<Problem>(`/api/v1/help-answers/${d.body.id}/withdraw`, {})).body.code).toBe(
      'helpdesk.state',
    );
  });

  it('is the help desk’s to write (403 for the Comune, MLPS)', async () => {
    for (const agent of [as.ref, as.mlps]) {
      const res = await agent.post('/api/v1/help-answers', {
        topic: 'ALTRO',
        question: 'Una domanda di prova?',
        answer: 'Una risposta di prova.',
      });
      expect(res.status).toBe(403);
    }
  });
});

describe('searching', () => {
  it('finds published entries in Italian for every logged-in user, best first, never drafts', async () => {
    // "rimborsi" finds "rimborso" (Italian stemming)
    const hits = await as.ref.get<Hits>('/api/v1/help-answers?q=rimborsi');
    expect(hits.status).toBe(200);
    expect(hits.body.items.length).toBeGreaterThan(0);
    expect(hits.body.items.every((h) => h.status === 'PUBBLICATA')).toBe(true);
    const all = await as.mlps.get<Hits>('/api/v1/help-answers?topic=RENDICONTAZIONE');
    expect(all.body.items.every((h) => h.status === 'PUBBLICATA')).toBe(true);
    // a draft is found by the help desk asking for it, 404 for the others
    const drafts = await as.anci.get<Hits>('/api/v1/help-answers?status=BOZZA');
    expect(drafts.body.items.length).toBeGreaterThan(0);
    const draftId = drafts.body.items[0]!.id;
    expect((await as.ref.get(`/api/v1/help-answers/${draftId}`)).status).toBe(404);
    expect((await as.ref.get<Hits>('/api/v1/help-answers?status=BOZZA')).body.items.some((h) => h.id === draftId)).toBe(
      false,
    );
    // websearch syntax: an excluded word; stop words only mean no filter
    const excluded = await as.ref.get<Hits>('/api/v1/help-answers?q=IVA%20-rimborso');
    expect(excluded.body.items.every((h) => !/rimbors/i.test(h.excerpt))).toBe(true);
    expect((await as.ref.get<Hits>('/api/v1/help-answers?q=il%20la')).status).toBe(200);
  });

  it('is public without a session, published entries only, without the request or its status', async () => {
    const res = await as.anon.get<PublicHits>('/api/v1/public/help-answers?q=IVA');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(requestId);
    expect(text).not.toContain('"id"');
    const one = await as.anon.get<Schema<'HelpAnswerPublic'>>(`/api/v1/public/help-answers/${res.body.items[0]!.slug}`);
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain(requestId);
    const drafts = await as.anci.get<Hits>('/api/v1/help-answers?status=BOZZA');
    expect((await as.anon.get(`/api/v1/public/help-answers/${drafts.body.items[0]!.slug}`)).status).toBe(404);
    const withdrawn = await as.anci.get<Hits>('/api/v1/help-answers?status=RITIRATA');
    expect((await as.anon.get(`/api/v1/public/help-answers/${withdrawn.body.items[0]!.slug}`)).status).toBe(404);
    expect((await as.anon.get('/api/v1/help-answers')).status).toBe(401);
  });

  it('hides drafts in the database from everyone but the help desk', async () => {
    const seen = await t.db.tx({ scope: 'anonymous', tenant: null, region: null, userId: null }, (tx) =>
      tx.query<{ status: string }>('SELECT DISTINCT status FROM hd_answers'),
    );
    expect(seen.map((s) => s.status)).toEqual(['PUBBLICATA']);
    const asComune = await t.db.tx({ scope: 'comune', tenant: a.istat, region: null, userId: a.referente.id }, (tx) =>
      tx.query<{ status: string }>('SELECT DISTINCT status FROM hd_answers'),
    );
    expect(asComune.map((s) => s.status)).toEqual(['PUBBLICATA']);
  });
});
