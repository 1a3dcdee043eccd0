/**
 * The publications through the API: ANCI's assistenza tecnica create a draft, upload PDFs as
 * versions (hostile files refused with nothing stored; the accessibility check recorded), publish
 * (an inaccessible version only with a reason, audited), withdraw; MLPS reads; nobody else reaches
 * these routes. The public library (no login) searches in Italian, filters, shows a published
 * publication with its published versions and downloads them, never a draft nor a version not yet
 * published. A wave's report is published in one step (printed by Chromium as a tagged PDF).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf, MAX_DOCUMENT_BYTES, taggedPdf } from '../../../platform/documents/index.js';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { comuniOf, makeResultsWave } from '../../../../tests/support/survey-results-factories.js';
import { checkPdfAccessibility } from './publications.pdf-check.js';

type Detail = Schema<'PublicationDetail'>;
type Page = Schema<'PublicationPage'>;
type PublicPage = Schema<'PublicPublicationPage'>;
type PublicPub = Schema<'PublicPublication'>;
type Problem = { code: string; context?: Record<string, unknown>; errors?: { path: string }[] };

let t: TestApp;
let anciId: string;
let as: { anci: Agent; mlps: Agent; regione: Agent; referente: Agent; anonymous: Agent };

beforeAll(async () => {
  t = await startTestApp();
  const anci = await makeUser(t.db, { roles: ['assistenza_tecnica'] });
  anciId = anci.id;
  as = {
    anci: await loginAs(t, anci),
    mlps: await loginAs(t, await makeUser(t.db, { roles: ['mlps'] })),
    regione: await loginAs(t, await makeUser(t.db, { roles: ['regione'] })),
    referente: await loginAs(t, await makeUser(t.db, { roles: ['referente_comunale'] })),
    anonymous: new Agent(t.app),
  };
});
afterAll(async () => t.close());

const base = '/api/v1/knowledge/publications';
const b64 = (b: Buffer) => b.toString('base64');
const accessiblePdf = (title = 'Manuale di prova') =>
  taggedPdf({ title, sections: [{ heading: 'Capitolo uno', paragraphs: ['Testo di prova del capitolo.'] }] });
const draft = (o: Record<string, unknown> = {}) => ({
  kind: 'MANUALE',
  title: 'Manuale delle buone pratiche comunali',
  abstract: 'Come i Comuni organizzano la presa in carico delle vittime di sfruttamento lavorativo.',
  authors: ['Ufficio di prova'],
  publishedOn: '2025-10-15',
  keywords: ['accoglienza', 'rete territoriale'],
  topics: ['PROTEZIONE_ASSISTENZA'],
  ...o,
});
const contentRows = async () =>
  Number(
    (await t.db.ownerTx((tx) => tx.query<{ n: string }>('SELECT count(*) AS n FROM kno_publication_contents')))[0]!.n,
  );

async function created(o: Record<string, unknown> = {}): Promise<Detail> {
  const res = await as.anci.post<Detail>(base, draft(o));
  expect(res.status).toBe(201);
  return res.body;
}
const upload = (id: string, pdf: Buffer, filename = 'documento.pdf', agent = as.anci) =>
  agent.post<Detail & Problem>(`${base}/${id}/versions`, { filename, content: b64(pdf) });

describe('drafts, versions and the accessibility check', () => {
  it('creates a draft with a unique address, changes it with row_version, all audited', async () => {
    const a = await created();
    expect(a).toMatchObject({ status: 'BOZZA', slug: 'manuale-delle-buone-pratiche-comunali', versions: [] });
    const b = await created();
    expect(b.slug).toBe('manuale-delle-buone-pratiche-comunali-2');
    const patched = await as.anci.patch<Detail>(`${base}/${a.id}`, {
      rowVersion: a.rowVersion,
      licence: 'CC BY-SA 4.0',
      regionCode: '16',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ licence: 'CC BY-SA 4.0', regionName: 'Puglia', slug: a.slug });
    const stale = await as.anci.patch<Problem>(`${base}/${a.id}`, { rowVersion: a.rowVersion, licence: 'x1' });
    expect([stale.status, stale.body.code]).toEqual([409, 'knowledge.stale']);
    const badRegion = await as.anci.patch<Problem>(`${base}/${a.id}`, { rowVersion: 2, regionCode: '99' });
    expect(badRegion.status).toBe(400);
    const audit = await auditRows(t.db, 'entity_id = $1', [a.id]);
    expect(audit.map((r) => r.action)).toEqual(['knowledge.publication.create', 'knowledge.publication.update']);
  });

  it('numbers the versions, records the check, refuses to publish an inaccessible one without a reason', async () => {
    const p = await created({ title: 'Guida alle verifiche di accessibilità' });
    const noVersion = await as.anci.post<Problem>(`${base}/${p.id}/publish`, {});
    expect([noVersion.status, noVersion.body.code]).toEqual([409, 'knowledge.publications.no_version']);

    const v1 = await upload(p.id, accessiblePdf());
    expect(v1.status).toBe(200);
    expect(v1.body.versions).toEqual([
      expect.objectContaining({
        number: 1,
        accessible: true,
        accessibilityIssues: [],
        pageCount: 1,
        source: 'CARICAMENTO',
      }),
    ]);
    const v2 = await upload(p.id, demoPdf({ title: 'Non marcato', paragraphs: ['Testo'] }), 'versione-2.PDF');
    expect(v2.body.versions.map((v) => [v.number, v.accessible, v.accessibilityIssues])).toEqual([
      [2, false, ['NOT_TAGGED', 'NO_STRUCTURE']],
      [1, true, []],
    ]);
    expect(v2.body).toMatchObject({ latestVersion: 2, latestAccessible: false, publishedVersion: null });

    const refused = await as.anci.post<Problem & { detail: string }>(`${base}/${p.id}/publish`, {});
    expect([refused.status, refused.body.code]).toEqual([409, 'knowledge.publications.inaccessible']);
    expect(refused.body.context).toMatchObject({ version: 2, issues: 'NOT_TAGGED,NO_STRUCTURE' });
    expect(refused.body.detail).toContain('Il PDF non è marcato (tagged)');
    const shortReason = await as.anci.post<Problem>(`${base}/${p.id}/publish`, { exceptionReason: 'perché sì' });
    expect(shortReason.status).toBe(400);

    // the accessible version 1 may be published, then version 2 with a reason
    const first = await as.anci.post<Detail>(`${base}/${p.id}/publish`, { version: 1 });
    expect(first.body).toMatchObject({ status: 'PUBBLICATA', publishedVersion: 1 });
    const reason = 'Documento di un altro ente, pubblicato come ricevuto in attesa della versione accessibile';
    const second = await as.anci.post<Detail>(`${base}/${p.id}/publish`, { exceptionReason: reason });
    expect(second.body).toMatchObject({ status: 'PUBBLICATA', publishedVersion: 2 });
    const audit = await auditRows(t.db, "entity_id = $1 AND action = 'knowledge.publication.publish'", [p.id]);
    expect(audit.map((r) => r.details)).toEqual([
      expect.objectContaining({ version: 1, accessible: true }),
      expect.objectContaining({ version: 2, accessible: false, exceptionReason: reason }),
    ]);
    const missing = await as.anci.post<Problem>(`${base}/${p.id}/publish`, { version: 9 });
    expect([missing.status, missing.body.code]).toEqual([404, 'knowledge.publications.version_not_found']);
  });

  it('refuses hostile uploads with a clear 4xx and stores nothing', async () => {
    const p = await created({ title: 'Bersaglio dei caricamenti' });
    const before = await contentRows();
    const js = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF',
      'latin1',
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const cases: [string, Buffer, string, number, string][] = [
      ['not a PDF', Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf', 400, 'not_allowed'],
      ['an image', png, 'x.png', 400, 'not_pdf'],
      ['a PDF with JavaScript', js, 'x.pdf', 400, 'active_pdf'],
      ['a PDF named .exe', accessiblePdf(), 'x.exe', 400, 'extension'],
    ];
    for (const [what, bytes, name, status, reason] of cases) {
      const res = await upload(p.id, bytes, name);
      expect([what, res.status, res.body.code, res.body.context?.reason]).toEqual([
        what,
        status,
        'knowledge.publications.file_refused',
        reason,
      ]);
    }
    const pdf = accessiblePdf();
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_DOCUMENT_BYTES + 1 - pdf.length)]);
    const tooBig = await upload(p.id, big);
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'knowledge.publications.file_too_large']);
    const wayTooBig = await as.anci.request<Problem>(
      'POST',
      `${base}/${p.id}/versions`,
      JSON.stringify({ filename: 'x.pdf', content: 'A'.repeat(MAX_DOCUMENT_BYTES * 2) }),
    );
    expect(wayTooBig.status).toBe(413);
    const badName = await upload(p.id, accessiblePdf(), '../../etc/passwd.pdf');
    expect(badName.status).toBe(400);
    expect(await contentRows()).toBe(before);
    expect((await as.anci.get<Detail>(`${base}/${p.id}`)).body.versions).toEqual([]);
  });

  it('keeps the bytes encrypted and gives them back as uploaded, as an attachment', async () => {
    const p = await created({ title: 'Documento cifrato a riposo' });
    const pdf = accessiblePdf('Documento cifrato');
    await upload(p.id, pdf);
    const [row] = await t.db.ownerTx((tx) =>
      tx.query<{ content: string }>(
        'SELECT c.content FROM kno_publication_contents c JOIN kno_publication_versions v ON v.id = c.id WHERE v.publication_id = $1',
        [p.id],
      ),
    );
    expect(row!.content).not.toContain(pdf.toString('base64').slice(0, 40));
    const res = await as.mlps.get(`${base}/${p.id}/versions/1/file`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="documento-cifrato-a-riposo-v1.pdf"; filename*=UTF-8''documento-cifrato-a-riposo-v1.pdf`,
    );
    expect(Buffer.compare(res.raw.rawPayload, pdf)).toBe(0);
  });

  it('withdraws a published one with a reason; it may come back', async () => {
    const p = await created({ title: 'Documento da ritirare' });
    await upload(p.id, accessiblePdf());
    const early = await as.anci.post<Problem>(`${base}/${p.id}/withdraw`, { reason: 'Errore' });
    expect([early.status, early.body.code]).toEqual([409, 'knowledge.state']);
    await as.anci.post(`${base}/${p.id}/publish`, {});
    const w = await as.anci.post<Detail>(`${base}/${p.id}/withdraw`, { reason: 'Sostituito da una nuova edizione' });
    expect(w.body).toMatchObject({ status: 'RITIRATA', withdrawnReason: 'Sostituito da una nuova edizione' });
    expect((await as.anonymous.get(`/api/v1/public/publications/${p.slug}`)).status).toBe(404);
    const back = await as.anci.post<Detail>(`${base}/${p.id}/publish`, {});
    expect(back.body).toMatchObject({ status: 'PUBBLICATA', withdrawnReason: null });
  });
});

describe('who reaches the organisers’ routes', () => {
  it('ANCI manages, MLPS reads, the others get 403 and the anonymous 401', async () => {
    const p = await created({ title: 'Documento quadrifoglio per gli organizzatori' });
    await upload(p.id, accessiblePdf());
    expect((await as.mlps.get<Page>(base)).status).toBe(200);
    expect((await as.mlps.get<Detail>(`${base}/${p.id}`)).body.versions).toHaveLength(1);
    expect((await as.mlps.post(base, draft())).status).toBe(403);
    expect((await upload(p.id, accessiblePdf(), 'x.pdf', as.mlps)).status).toBe(403);
    expect((await as.mlps.post(`${base}/${p.id}/publish`, {})).status).toBe(403);
    for (const agent of [as.regione, as.referente]) {
      expect((await agent.get(base)).status).toBe(403);
      expect((await agent.get(`${base}/${p.id}`)).status).toBe(403);
      expect((await agent.get(`${base}/${p.id}/versions/1/file`)).status).toBe(403);
      expect((await agent.post(base, draft())).status).toBe(403);
    }
    expect((await as.anonymous.get(base)).status).toBe(401);
    expect((await as.anonymous.get(`${base}/${p.id}/versions/1/file`)).status).toBe(401);
    const unknown = await as.anci.get<Problem>(`${base}/00000000-0000-4000-8000-000000000000`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'knowledge.publications.not_found']);
    const list = await as.anci.get<Page>(`${base}?status=BOZZA&q=quadrifoglio`);
    expect(list.body.items.map((i) => i.id)).toEqual([p.id]);
  });
});

describe('the public library', () => {
  let handbook: Detail;
  beforeAll(async () => {
    handbook = await created({
      title: 'Manuale operativo per i Comuni',
      abstract: 'La presa in carico, i piani locali multisettoriali e la rendicontazione.',
      keywords: ['manuale', 'rendicontazione'],
      topics: ['PREVENZIONE', 'REINTEGRAZIONE'],
      publishedOn: '2025-10-15',
    });
    await upload(handbook.id, accessiblePdf('Manuale, prima stesura'));
    await upload(handbook.id, accessiblePdf('Manuale, ottobre 2025'));
    await as.anci.post(`${base}/${handbook.id}/publish`, {});
    // a third version uploaded but not published: not public
    await upload(handbook.id, accessiblePdf('Manuale, bozza successiva'));
    const paper = await created({
      kind: 'POLICY_PAPER',
      title: 'Policy Paper sui servizi di prossimità',
      abstract: 'Proposte per i servizi comunali.',
      keywords: ['proposte'],
      topics: ['VIGILANZA_CONTRASTO'],
      publishedOn: '2026-03-20',
    });
    await upload(paper.id, accessiblePdf('Policy Paper'));
    await as.anci.post(`${base}/${paper.id}/publish`, {});
    // a draft with the same words: never public
    await created({ title: 'Manuale riservato in bozza', keywords: ['manuale'] });
  });

  const lib = (q = '') => as.anonymous.get<PublicPage>(`/api/v1/public/publications${q}`);

  it('finds by a word with Italian stemming, never a draft, and filters by kind, year and topic', async () => {
    const byWord = await lib('?q=manuali');
    expect(byWord.status).toBe(200);
    expect(byWord.body.items.map((i) => i.slug)).toEqual([handbook.slug]);
    expect(byWord.body.items[0]).toMatchObject({ version: 2, accessible: true, kind: 'MANUALE' });
    expect((await lib('?q=rendicontare')).body.items.map((i) => i.slug)).toContain(handbook.slug);
    expect((await lib('?q=%22servizi%20comunali%22')).body.items.map((i) => i.title)).toEqual([
      'Policy Paper sui servizi di prossimità',
    ]);
    expect((await lib('?q=inesistentissimo')).body.total).toBe(0);
    expect((await lib('?kind=POLICY_PAPER')).body.items.every((i) => i.kind === 'POLICY_PAPER')).toBe(true);
    expect((await lib('?year=2025')).body.items.map((i) => i.slug)).toContain(handbook.slug);
    expect((await lib('?year=2026&kind=MANUALE')).body.items.map((i) => i.slug)).not.toContain(handbook.slug);
    expect((await lib('?topic=REINTEGRAZIONE')).body.items.map((i) => i.slug)).toContain(handbook.slug);
    expect((await lib('?topic=NESSUNO')).status).toBe(400);
    expect((await lib('?q=')).status).toBe(400);
    // websearch syntax never fails, whatever the visitor types
    for (const q of ['"', 'a OR', '-', '(((', "l'ufficio & | !"])
      expect((await lib(`?q=${encodeURIComponent(q)}`)).status).toBe(200);
  });

  it('shows a published one with its published versions, downloads each, never a later or a draft', async () => {
    const page = await as.anonymous.get<PublicPub>(`/api/v1/public/publications/${handbook.slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ version: 2, title: 'Manuale operativo per i Comuni', regionName: null });
    expect(page.body.versions.map((v) => v.number)).toEqual([2, 1]);
    const file = await as.anonymous.get(`/api/v1/public/publications/${handbook.slug}/versions/1/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename="${handbook.slug}-v1.pdf"`);
    expect((await checkPdfAccessibility(file.raw.rawPayload)).accessible).toBe(true);
    const later = await as.anonymous.get<Problem>(`/api/v1/public/publications/${handbook.slug}/versions/3/file`);
    expect([later.status, later.body.code]).toEqual([404, 'knowledge.publications.version_not_found']);
    const drafts = await as.anci.get<Page>(`${base}?status=BOZZA&q=riservato`);
    const draftSlug = drafts.body.items[0]!.slug;
    expect((await as.anonymous.get(`/api/v1/public/publications/${draftSlug}`)).status).toBe(404);
    expect((await as.anonymous.get(`/api/v1/public/publications/${draftSlug}/versions/1/file`)).status).toBe(404);
    expect((await as.anonymous.get('/api/v1/public/publications/Not_A_Slug')).status).toBe(400);
  });
});

describe('a wave’s report published in one step', () => {
  it('prints the controlled report as a tagged PDF, creates the RAPPORTO_INDAGINE, then adds a version', async () => {
    const comuni = await comuniOf(t.db, '16', 3);
    const waveId = await makeResultsWave(
      t.db,
      anciId,
      comuni.map((istat) => ({ istat, status: 'inviato', answers: { presenza: 'si', addetti: 7 } })),
      undefined,
      { title: 'Rilevazione pubblicabile' },
    );
    const url = `${base}/survey-reports`;
    expect((await as.mlps.post(url, { waveId })).status).toBe(403);
    const missing = await as.anci.post<Problem>(url, { waveId: '00000000-0000-4000-8000-000000000000' });
    expect([missing.status, missing.body.code]).toEqual([404, 'surveys.wave.not_found']);

    const first = await as.anci.post<Detail>(url, { waveId });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      kind: 'RAPPORTO_INDAGINE',
      status: 'PUBBLICATA',
      publishedVersion: 1,
      surveyWaveId: waveId,
      title: 'Rapporto della rilevazione: Rilevazione pubblicabile',
    });
    expect(first.body.versions[0]).toMatchObject({ accessible: true, source: 'RAPPORTO_INDAGINE' });
    const again = await as.anci.post<Detail>(url, { waveId });
    expect([again.body.id, again.body.publishedVersion]).toEqual([first.body.id, 2]);
    const pdf = await as.anonymous.get(`/api/v1/public/publications/${first.body.slug}/versions/2/file`);
    expect(pdf.status).toBe(200);
    const text = pdf.raw.rawPayload.toString('latin1');
    expect(text).toContain('/StructTreeRoot');
    const audit = await auditRows(t.db, "entity_id = $1 AND action = 'knowledge.publication.survey_report'", [
      first.body.id,
    ]);
    expect(audit.map((r) => r.details)).toEqual([
      expect.objectContaining({ version: 1, created: true, published: true }),
      expect.objectContaining({ version: 2, created: false, published: true }),
    ]);
  }, 120_000);
});
