/**
 * Good practices and case studies through the API: a Comune's referente writes a draft of their
 * own Comune (its links checked under their own row-level security: another Comune's plan action is
 * unknown to them), changes it (row_version), sends it for review; ANCI/Cittalia returns it with a
 * comment or publishes it; every write audited. Drafts are seen only by their Comune and ANCI. The
 * public site (no login) searches the published ones with the Italian stemmer, ranked, with
 * highlighted fragments, filtered; the case studies are written and published by ANCI/Cittalia.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, fingerprint, makeUser, type TestUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  makePlan,
  makePlanComune,
  type TestPlan,
  type TestPlanComune,
} from '../../../../tests/support/plan-factories.js';
import { makeCaseStudy, makePractice } from '../../../../tests/support/practice-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';

type Practice = Schema<'PracticeDetail'>;
type PracticePage = Schema<'PracticePage'>;
type PublicPage = Schema<'PublicPracticePage'>;
type PublicPractice = Schema<'PublicPractice'>;
type CaseStudy = Schema<'CaseStudyDetail'>;
type PublicCaseStudy = Schema<'PublicCaseStudy'>;
type PublicCasePage = Schema<'PublicCaseStudyPage'>;
type Problem = { code: string; context?: { status?: string }; errors?: { path: string }[] };

let t: TestApp;
let anci: TestUser;
let comuneA: TestPlanComune;
let planA: TestPlan;
let planB: TestPlan;
let as: { anci: Agent; referenteA: Agent; referenteB: Agent; mlps: Agent; regione: Agent; anonymous: Agent };

beforeAll(async () => {
  t = await startTestApp();
  anci = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
  comuneA = await makePlanComune(t.db);
  planA = await makePlan(t.db, { comune: comuneA });
  planB = await makePlan(t.db);
  as = {
    anci: await loginAs(t, anci),
    referenteA: await loginAs(t, comuneA.referente),
    referenteB: await loginAs(t, planB.comune.referente),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    regione: await loginAs(t, await makeUser(t.db, { roles: ['regione'] })),
    anonymous: new Agent(t.app),
  };
});
afterAll(async () => t.close());

const draftBody = (o: Record<string, unknown> = {}) => ({
  title: 'Sportello serale per i lavoratori della raccolta',
  summary: 'Uno sportello aperto la sera nei mesi estivi; testo di prova.',
  problem: 'Chi lavora nei campi non arriva agli uffici negli orari di apertura.',
  intervention: 'Apertura serale con un mediatore culturale, informazioni sui contratti.',
  resources: 'Un operatore e un mediatore.',
  budgetCents: 1_250_050,
  results: [{ text: 'Trecento colloqui in una stagione.', evidence: 'MONITORAGGIO' }],
  transferability: 'Dove c’è lavoro stagionale.',
  contactOffice: 'Ufficio servizi sociali',
  axis: 'PREVENZIONE',
  priorityActions: [1, 2],
  sector: 'AGRICOLTURA',
  actors: [{ orgId: comuneA.org.id, role: 'CAPOFILA' }],
  links: [
    { kind: 'COMUNE', targetId: comuneA.istat },
    { kind: 'AZIONE_PLM', targetId: planA.actions[0]!.id },
  ],
  ...o,
});

describe('a Comune writes a practice and ANCI/Cittalia reviews it', () => {
  let p: Practice;

  it("creates a draft of the referente's own Comune with its links' names; audited", async () => {
    const res = await as.referenteA.post<Practice>('/api/v1/practices', draftBody());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    p = res.body;
    expect(p).toMatchObject({
      status: 'BOZZA',
      comuneIstat: comuneA.istat,
      slug: 'sportello-serale-per-i-lavoratori-della-raccolta',
      budgetCents: 1_250_050,
      regionCodes: [comuneA.region],
      rowVersion: 1,
      actors: [{ orgId: comuneA.org.id, role: 'CAPOFILA', type: 'comune' }],
    });
    expect(p.sizeClass).not.toBeNull();
    expect(p.links.map((l) => l.kind)).toEqual(['COMUNE', 'AZIONE_PLM']);
    expect(p.links[1]!.label).toContain('A1');
    const audit = await auditRows(t.db, "action = 'knowledge.practice.create' AND entity_id = $1", [p.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.tenant_comune).toBe(comuneA.istat);
  });

  it('refuses with 400, naming the field, what does not exist or the author cannot see; changes nothing', async () => {
    const before = await fingerprint(t.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ links: [{ kind: 'AZIONE_PLM', targetId: planB.actions[0]!.id }] }, 'body.links.0.targetId'],
      [{ links: [{ kind: 'AZIONE_PLM', targetId: 'not-a-uuid' }] }, 'body.links.0.targetId'],
      [{ links: [{ kind: 'PROGETTO', targetId: crypto.randomUUID() }] }, 'body.links.0.targetId'],
      [{ links: [{ kind: 'RISPOSTA_INDAGINE', targetId: crypto.randomUUID() }] }, 'body.links.0.targetId'],
      [{ links: [{ kind: 'COMUNE', targetId: '999999' }] }, 'body.links.0.targetId'],
      [
        {
          links: [
            { kind: 'COMUNE', targetId: comuneA.istat },
            { kind: 'COMUNE', targetId: comuneA.istat },
          ],
        },
        'body.links.1.targetId',
      ],
      [{ actors: [{ orgId: crypto.randomUUID(), role: 'PARTNER' }] }, 'body.actors.0.orgId'],
      [{ regionCodes: ['99'] }, 'body.regionCodes.0'],
      [{ priorityActions: [11] }, 'body.priorityActions.0'],
      [{ title: 'Titolo\u0002con un segno di controllo' }, 'body.title'],
      [{ results: [{ text: 'Qualcosa', evidence: 'OPINIONE' }] }, 'body.results.0.evidence'],
      [{ budgetCents: 12.5 }, 'body.budgetCents'],
      [{ axis: 'ALTRO' }, 'body.axis'],
    ];
    for (const [o, path] of cases) {
      const res = await as.referenteA.post<Problem>('/api/v1/practices', draftBody(o));
      expect(res.status, JSON.stringify(o)).toBe(400);
      expect(
        res.body.errors?.map((e) => e.path),
        JSON.stringify(o),
      ).toContain(path);
    }
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it("never writes for another Comune: 403 on creation, 404 on another's draft", async () => {
    const other = await as.referenteB.post<Problem>(
      '/api/v1/practices',
      draftBody({ comuneIstat: comuneA.istat, links: [], actors: [] }),
    );
    expect(other.status).toBe(403);
    expect((await as.referenteB.get(`/api/v1/practices/${p.id}`)).status).toBe(404);
    expect((await as.referenteB.patch(`/api/v1/practices/${p.id}`, { rowVersion: 1, title: 'Presa' })).status).toBe(
      404,
    );
    const listB = await as.referenteB.get<PracticePage>('/api/v1/practices');
    expect(listB.body.items.map((i) => i.id)).not.toContain(p.id);
    // ANCI sees it; MLPS and the Regions have no authoring pages
    expect((await as.anci.get<Practice>(`/api/v1/practices/${p.id}`)).body.title).toBe(p.title);
    expect((await as.mlps.get('/api/v1/practices')).status).toBe(403);
    expect((await as.regione.get('/api/v1/practices')).status).toBe(403);
    // nor on the public site
    expect((await as.anonymous.get(`/api/v1/public/practices/${p.slug}`)).status).toBe(404);
  });

  it('changes a draft with its row version (409 when stale); the lists sent replace the old ones', async () => {
    const res = await as.referenteA.patch<Practice>(`/api/v1/practices/${p.id}`, {
      rowVersion: 1,
      intervention: 'Apertura serale per ogni lavoratore stagionale, con un mediatore culturale.',
      links: [{ kind: 'COMUNE', targetId: comuneA.istat }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rowVersion).toBe(2);
    expect(res.body.links).toHaveLength(1);
    expect(res.body.actors).toHaveLength(1);
    const stale = await as.referenteA.patch<Problem>(`/api/v1/practices/${p.id}`, { rowVersion: 1, title: 'Vecchia' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('knowledge.stale');
    p = res.body;
  });

  it('sends it for review; then only the reviewers act: return with a comment, publish', async () => {
    const sent = await as.referenteA.post<Practice>(`/api/v1/practices/${p.id}/submit`, { rowVersion: p.rowVersion });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('IN_REVISIONE');
    const locked = await as.referenteA.patch<Problem>(`/api/v1/practices/${p.id}`, {
      rowVersion: sent.body.rowVersion,
      title: 'Cambiata in revisione',
    });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: 'knowledge.state', context: { status: 'IN_REVISIONE' } });
    expect(
      (await as.referenteA.post(`/api/v1/practices/${p.id}/publish`, { rowVersion: sent.body.rowVersion })).status,
    ).toBe(403);
    const back = await as.anci.post<Practice>(`/api/v1/practices/${p.id}/return`, {
      rowVersion: sent.body.rowVersion,
      comment: 'Aggiungere i risultati con la loro fonte.',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'BOZZA', reviewComment: 'Aggiungere i risultati con la loro fonte.' });
    const again = await as.referenteA.post<Practice>(`/api/v1/practices/${p.id}/submit`, {
      rowVersion: back.body.rowVersion,
    });
    const twice = await as.anci.post<Problem>(`/api/v1/practices/${p.id}/publish`, {
      rowVersion: back.body.rowVersion,
    });
    expect(twice.status).toBe(409);
    const pub = await as.anci.post<Practice>(`/api/v1/practices/${p.id}/publish`, {
      rowVersion: again.body.rowVersion,
    });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'PUBBLICATA', reviewComment: null });
    expect(pub.body.publishedAt).not.toBeNull();
    const notInReview = await as.anci.post<Problem>(`/api/v1/practices/${p.id}/return`, {
      rowVersion: pub.body.rowVersion,
      comment: 'Di nuovo',
    });
    expect(notInReview.body).toMatchObject({ code: 'knowledge.state', context: { status: 'PUBBLICATA' } });
    const actions = (await auditRows(t.db, 'entity_id = $1', [p.id])).map((r) => r.action);
    expect(actions).toEqual([
      'knowledge.practice.create',
      'knowledge.practice.update',
      'knowledge.practice.submit',
      'knowledge.practice.return',
      'knowledge.practice.submit',
      'knowledge.practice.publish',
    ]);
    // published: public, and another Comune's referente reads it but cannot change it
    const page = await as.anonymous.get<PublicPractice>(`/api/v1/public/practices/${p.slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ title: p.title, comuneName: pub.body.comuneName, budgetCents: 1_250_050 });
    expect(page.body).not.toHaveProperty('reviewComment');
    expect(page.body).not.toHaveProperty('rowVersion');
    expect(
      (await as.referenteB.patch(`/api/v1/practices/${p.id}`, { rowVersion: pub.body.rowVersion, title: 'Non mia' }))
        .status,
    ).toBe(403);
  });

  it('lets ANCI/Cittalia write a practice of no Comune and find links through the pickers', async () => {
    const res = await as.anci.post<Practice>(
      '/api/v1/practices',
      draftBody({ comuneIstat: null, actors: [], links: [{ kind: 'AZIONE_PLM', targetId: planB.actions[0]!.id }] }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ comuneIstat: null, sizeClass: null, regionCodes: [] });
    const picked = await as.referenteA.get<{ items: { id: string; label: string }[] }>(
      '/api/v1/practices/pickers?kind=AZIONE_PLM',
    );
    const ids = picked.body.items.map((i) => i.id);
    expect(ids).toContain(planA.actions[0]!.id);
    expect(ids).not.toContain(planB.actions[0]!.id);
    const comuni = await as.referenteA.get<{ items: { id: string; label: string }[] }>(
      '/api/v1/practices/pickers?kind=COMUNE&q=roma',
    );
    expect(comuni.body.items.some((c) => c.label.startsWith('Roma'))).toBe(true);
  });
});

describe('the public search', () => {
  const marker = `zq${Date.now().toString(36)}`;
  beforeAll(async () => {
    await makePractice(t.db, anci, {
      title: `Orientamento del lavoratore agricolo ${marker}`,
      summary: 'Un servizio di orientamento; testo di prova.',
      axis: 'REINTEGRAZIONE',
      sector: 'AGRICOLTURA',
      regionCodes: ['18'],
      sizeClass: 'lt15k',
    });
    await makePractice(t.db, anci, {
      title: `Case di transizione ${marker}`,
      summary: 'Alloggi temporanei; testo di prova.',
      intervention: 'Ogni lavoratore accolto ha un progetto personale.',
      axis: 'PROTEZIONE_ASSISTENZA',
      sector: 'LOGISTICA',
      regionCodes: ['15', '18'],
      sizeClass: 'gt200k',
    });
    await makePractice(t.db, anci, { title: `Bozza sui lavoratori ${marker}`, status: 'BOZZA' });
    await makePractice(t.db, anci, { title: `In revisione sui lavoratori ${marker}`, status: 'IN_REVISIONE' });
  });

  const search = (qs: string) => as.anonymous.get<PublicPage>(`/api/v1/public/practices?${qs}`);

  it("finds an inflected form through the Italian stemmer ('lavoratori' → 'lavoratore'), title hits first, never a draft", async () => {
    const res = await search(`q=${encodeURIComponent(`lavoratori ${marker}`)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.title)).toEqual([
      `Orientamento del lavoratore agricolo ${marker}`,
      `Case di transizione ${marker}`,
    ]);
    expect(res.body.total).toBe(2);
    const snippet = res.body.items[1]!.snippet!;
    expect(snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toContain('lavoratore');
    const joined = snippet.map((s) => s.text).join('');
    expect(joined.includes('\u0002') || joined.includes('\u0003')).toBe(false);
  });

  it('filters by axis, sector, Region and size class, alone or with words; pages', async () => {
    const titles = async (qs: string) => (await search(`q=${marker}&${qs}`)).body.items.map((i) => i.title);
    expect(await titles('axis=REINTEGRAZIONE')).toEqual([`Orientamento del lavoratore agricolo ${marker}`]);
    expect(await titles('sector=LOGISTICA')).toEqual([`Case di transizione ${marker}`]);
    expect(await titles('region=15')).toEqual([`Case di transizione ${marker}`]);
    expect((await titles('region=18')).length).toBe(2);
    expect(await titles('size=lt15k')).toEqual([`Orientamento del lavoratore agricolo ${marker}`]);
    const filtersOnly = await search('sector=LOGISTICA&region=15');
    expect(filtersOnly.body.items.every((i) => i.sector === 'LOGISTICA' && i.snippet === null)).toBe(true);
    const paged = await search(`q=${marker}&pageSize=1&page=2`);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('takes any words without failing: operators, quotes, stop words only', async () => {
    for (const q of ['"lavoratore agricolo"', 'lavoratore -orientamento', 'a or b', "!:*()&|'", 'il la di', 'ùàè']) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await search('axis=ALTRO')).status).toBe(400);
    const regions = await as.anonymous.get<{ items: { code: string; count: number }[] }>(
      '/api/v1/public/practice-regions',
    );
    expect(regions.body.items.find((r) => r.code === '15')!.count).toBeGreaterThanOrEqual(1);
    expect((await search('region=1')).status).toBe(400);
    expect((await as.anonymous.get('/api/v1/public/practices/non-esiste')).status).toBe(404);
  });
});

describe('the case studies', () => {
  let cs: CaseStudy;
  let published: { id: string; slug: string };
  let draft: { id: string };

  beforeAll(async () => {
    published = await makePractice(t.db, anci, { title: 'Pratica citata pubblicata' });
    draft = await makePractice(t.db, anci, { title: 'Pratica citata in bozza', status: 'BOZZA' });
  });

  it('are written by ANCI/Cittalia in sections with sources; nobody else', async () => {
    const body = {
      title: 'Caso di studio di prova: la raccolta',
      summary: 'Un caso di prova.',
      sections: [
        { heading: 'Il contesto', body: 'Primo paragrafo.\n\nSecondo paragrafo.' },
        { heading: 'Gli interventi', body: '- uno\n- due' },
      ],
      sources: [{ citation: 'Rapporto di prova, 2025', url: 'https://example.org/rapporto' }],
      comuni: [comuneA.istat],
      practiceIds: [published.id, draft.id],
    };
    expect((await as.referenteA.post('/api/v1/case-studies', body)).status).toBe(403);
    const bad = await as.anci.post<Problem>('/api/v1/case-studies', { ...body, practiceIds: [crypto.randomUUID()] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toContain('body.practiceIds.0');
    expect((await as.anci.post('/api/v1/case-studies', { ...body, sections: [] })).status).toBe(400);
    const res = await as.anci.post<CaseStudy>('/api/v1/case-studies', body);
    expect(res.status).toBe(201);
    cs = res.body;
    expect(cs).toMatchObject({ status: 'BOZZA', slug: 'caso-di-studio-di-prova-la-raccolta' });
    expect(cs.practices.map((p) => p.published)).toEqual([true, false]);
    expect(cs.comuni[0]!.istat).toBe(comuneA.istat);
    expect((await as.anonymous.get(`/api/v1/public/case-studies/${cs.slug}`)).status).toBe(404);
  });

  it('go through review and appear on the public site with their published practices only', async () => {
    const sent = await as.anci.post<CaseStudy>(`/api/v1/case-studies/${cs.id}/submit`, { rowVersion: 1 });
    expect(sent.body.status).toBe('IN_REVISIONE');
    expect(
      (await as.anci.patch(`/api/v1/case-studies/${cs.id}`, { rowVersion: 2, title: 'Nuovo titolo' })).status,
    ).toBe(409);
    const pub = await as.anci.post<CaseStudy>(`/api/v1/case-studies/${cs.id}/publish`, { rowVersion: 2 });
    expect(pub.body.status).toBe('PUBBLICATA');
    const page = await as.anonymous.get<PublicCaseStudy>(`/api/v1/public/case-studies/${cs.slug}`);
    expect(page.status).toBe(200);
    expect(page.body.sections).toHaveLength(2);
    expect(page.body.sources[0]!.url).toBe('https://example.org/rapporto');
    expect(page.body.practices).toEqual([{ slug: published.slug, title: 'Pratica citata pubblicata' }]);
    const list = await as.anonymous.get<PublicCasePage>('/api/v1/public/case-studies?pageSize=100');
    expect(list.body.items.map((i) => i.slug)).toContain(cs.slug);
    // the practice's public page names the case study that cites it
    const practice = await as.anonymous.get<PublicPractice>(`/api/v1/public/practices/${published.slug}`);
    expect(practice.body.caseStudies).toEqual([{ slug: cs.slug, title: cs.title }]);
    const actions = (await auditRows(t.db, 'entity_id = $1', [cs.id])).map((r) => r.action);
    expect(actions).toEqual([
      'knowledge.case_study.create',
      'knowledge.case_study.submit',
      'knowledge.case_study.publish',
    ]);
  });

  it('hide drafts from the public list', async () => {
    const hidden = await makeCaseStudy(t.db, anci, { status: 'BOZZA' });
    const list = await as.anonymous.get<PublicCasePage>('/api/v1/public/case-studies?pageSize=100');
    expect(list.body.items.map((i) => i.slug)).not.toContain(hidden.slug);
    expect((await as.anci.get<CaseStudy>(`/api/v1/case-studies/${hidden.id}`)).status).toBe(200);
  });
});
