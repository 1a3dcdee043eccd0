/**
 * Case records through the API on a real database: documents attached to a person or a PAI (type
 * by content, size limit, encrypted at rest, audited downloads shown in "Chi ha consultato",
 * deletion by the referente), case notes seen only inside the Comune, the printed case summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import {
  loginAs,
  makeCase,
  twoPilotComuni,
  type LoggedInPilotComune,
  type MadeCase,
} from '../../../../tests/support/pilot-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { createFieldCipher } from '../../../platform/crypto.js';
import { rotateDataKey } from '../../../platform/data-key.js';
import { encryptedColumnsOf } from '../../../platform/module.js';
import { modules } from '../../../modules.js';
import { openContent } from './records.crypto.js';
import { MAX_DOCUMENT_BYTES } from '../../../platform/documents/index.js';

type Doc = Schema<'PilotDocument'>;
type Note = Schema<'PilotCaseNote'>;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fake')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-fake')]);
const b64 = (b: Buffer) => b.toString('base64');

let t: TestApp;
let a: LoggedInPilotComune;
let b: LoggedInPilotComune;
let c: MadeCase;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  ({ a, b } = await twoPilotComuni(t));
  c = await makeCase(t.db, t.cipher, { comune: a, status: 'ammesso_misure', identity: { surname: 'Segretissimo' } });
  url = `/api/v1/pilot/cases/${c.caseId}`;
});
afterAll(async () => t.close());

const upload = (agent: Agent, over: Record<string, unknown> = {}, caseUrl = url) =>
  agent.post<Doc & { code?: string; detail?: string }>(`${caseUrl}/documents`, {
    personId: c.holderId,
    kind: 'permesso_soggiorno',
    filename: 'permesso.pdf',
    content: b64(PDF),
    ...over,
  });

describe('documents', () => {
  it('accepts a PDF, a PNG and a JPEG by their content, stores them encrypted, lists them', async () => {
    const pdf = await upload(a.as.operatore, { filename: 'permesso Segretissimo.pdf' });
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({
      kind: 'permesso_soggiorno',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      filename: 'permesso Segretissimo.pdf',
      pseudonym: c.pseudonym,
      canDelete: false,
    });
    const png = await upload(a.as.operatore, { filename: 'foto.PNG', content: b64(PNG), kind: 'documento_identita' });
    expect(png.status).toBe(201);
    expect(png.body.contentType).toBe('image/png');
    const jpeg = await upload(a.as.referente, { filename: 'scansione.jpeg', content: b64(JPEG), kind: 'altro' });
    expect(jpeg.body.contentType).toBe('image/jpeg');

    const [raw] = await t.db.ownerTx((tx) =>
      tx.query<{ filename_enc: string; content_enc: string }>(
        `SELECT d.filename_enc, x.content_enc FROM pilot_documents d JOIN pilot_document_contents x ON x.id = d.id WHERE d.id = $1`,
        [pdf.body.id],
      ),
    );
    expect(raw!.filename_enc).toMatch(/^v1:/);
    expect(raw!.filename_enc).not.toContain('Segretissimo');
    expect(raw!.content_enc).toMatch(/^v1:/);
    expect(raw!.content_enc).not.toContain(b64(PDF).slice(0, 16));
    expect(Buffer.from(raw!.content_enc.slice(3), 'base64').includes(PDF.subarray(0, 12))).toBe(false);

    const list = await a.as.referente.get<{ items: Doc[] }>(`${url}/documents`);
    expect(list.body.items.map((d) => d.contentType).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(list.body.items.every((d) => d.canDelete)).toBe(true);
    const rows = await auditRows(t.db, "action = 'pilot.document.upload' AND entity_id = $1", [pdf.body.id]);
    expect(rows[0]!.details).toMatchObject({ person: c.holderId, kind: 'permesso_soggiorno' });
    expect(JSON.stringify(rows[0]!.details)).not.toContain('Segretissimo');
  });

  it('refuses HTML renamed .pdf, a PDF with JavaScript, a mismatched name and an oversize file', async () => {
    const html = await upload(a.as.operatore, { content: b64(Buffer.from('<html><script>alert(1)</script></html>')) });
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('pilot.document.type');
    const script = Buffer.from(
      '%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >> >> endobj\n',
    );
    expect((await upload(a.as.operatore, { content: b64(script) })).status).toBe(415);
    const launch = Buffer.from('%PDF-1.7\n2 0 obj << /S /Launch /F (cmd.exe) >> endobj\n');
    expect((await upload(a.as.operatore, { content: b64(launch) })).status).toBe(415);
    expect((await upload(a.as.operatore, { filename: 'foto.png' })).status).toBe(415);
    expect((await upload(a.as.operatore, { filename: 'permesso' })).status).toBe(415);
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload(a.as.operatore, { content: b64(big) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('pilot.document.too_large');
    const [n] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pilot_documents WHERE case_id = $1', [c.caseId]),
    );
    expect(n!.n).toBe(3);
  });

  it('refuses another Comune (404), a role without the permission (403), a stranger to the case (400)', async () => {
    expect((await new Agent(t.app).request('POST', `${url}/documents`, {}, { csrf: false })).status).toBe(401);
    expect((await upload(b.as.operatore)).status).toBe(404);
    expect((await upload(b.as.referente)).status).toBe(404);
    expect((await upload(a.as.amministrativo)).status).toBe(403);
    const other = await makeCase(t.db, t.cipher, { comune: a });
    expect((await upload(a.as.operatore, { personId: other.holderId })).status).toBe(400);
    expect((await b.as.referente.get(`${url}/documents`)).status).toBe(404);
  });

  it('downloads as an attachment with its type and nosniff, audited and shown in "Chi ha consultato"', async () => {
    const doc = await upload(a.as.operatore, { filename: 'pai firmato è.pdf', kind: 'pai_firmato' });
    const res = await a.as.operatore.get(`/api/v1/pilot/documents/${doc.body.id}/content`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="pai firmato e\.pdf"; filename\*=UTF-8''/,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.raw.rawPayload.equals(PDF)).toBe(true);
    const read = await auditRows(t.db, "action = 'pilot.document.read' AND entity_id = $1", [doc.body.id]);
    expect(read).toHaveLength(1);
    expect(read[0]!.actor_user_id).toBe(a.operatore.id);
    const viewers = await a.as.referente.get<{ items: { action: string; userId: string }[] }>(
      `/api/v1/pilot/persons/${c.holderId}/viewers`,
    );
    expect(viewers.body.items).toContainEqual(
      expect.objectContaining({ action: 'pilot.document.read', userId: a.operatore.id }),
    );
    expect((await b.as.referente.get(`/api/v1/pilot/documents/${doc.body.id}/content`)).status).toBe(404);
    expect((await a.as.amministrativo.get(`/api/v1/pilot/documents/${doc.body.id}/content`)).status).toBe(403);
  });

  it('is deleted by the referente only, with its bytes, audited', async () => {
    const doc = await upload(a.as.operatore);
    const del = (agent: Agent) => agent.request('DELETE', `/api/v1/pilot/documents/${doc.body.id}`);
    expect((await del(a.as.operatore)).status).toBe(403);
    expect((await del(b.as.referente)).status).toBe(404);
    expect((await del(a.as.referente)).status).toBe(204);
    expect((await a.as.referente.get(`/api/v1/pilot/documents/${doc.body.id}/content`)).status).toBe(404);
    const [left] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pilot_document_contents WHERE id = $1', [doc.body.id]),
    );
    expect(left!.n).toBe(0);
    expect(await auditRows(t.db, "action = 'pilot.document.delete' AND entity_id = $1", [doc.body.id])).toHaveLength(1);
  });
});

describe('case notes', () => {
  it('are written and read inside the Comune, encrypted, append-only, their reads audited', async () => {
    const add = await a.as.operatore.post<Note>(`${url}/notes`, { text: 'Colloquio con Segretissimo: tutto bene.' });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ authorUserId: a.operatore.id, text: 'Colloquio con Segretissimo: tutto bene.' });
    expect((await a.as.operatore.post(`${url}/notes`, { text: '   ' })).status).toBe(400);
    const [raw] = await t.db.ownerTx((tx) =>
      tx.query<{ text_enc: string }>('SELECT text_enc FROM pilot_case_notes WHERE id = $1', [add.body.id]),
    );
    expect(raw!.text_enc).toMatch(/^v1:/);
    expect(raw!.text_enc).not.toContain('Segretissimo');
    const list = await a.as.referente.get<{ items: Note[] }>(`${url}/notes`);
    expect(list.body.items).toEqual([expect.objectContaining({ id: add.body.id, author: expect.any(String) })]);
    const reads = await auditRows(t.db, "action = 'pilot.case.notes_read' AND entity_id = $1", [c.caseId]);
    expect(reads.map((r) => r.actor_user_id)).toEqual([a.referente.id]);
    expect(JSON.stringify(reads[0]!.details)).not.toContain('Segretissimo');
    const grants = await t.db.ownerTx((tx) =>
      tx.query<{ p: string }>(
        `SELECT privilege_type AS p FROM information_schema.role_table_grants
          WHERE grantee = 'incas_app' AND table_name = 'pilot_case_notes' ORDER BY 1`,
      ),
    );
    expect(grants.map((g) => g.p)).toEqual(['INSERT', 'SELECT']);
  });

  it('are invisible to other Comuni, regione, mlps and assistenza tecnica, not even counted', async () => {
    expect((await b.as.referente.get(`${url}/notes`)).status).toBe(404);
    expect((await b.as.operatore.post(`${url}/notes`, { text: 'intrusione' })).status).toBe(404);
    for (const role of ['regione', 'mlps', 'assistenza_tecnica', 'responsabile_amministrativo'] as const) {
      const agent = await loginAs(t, await makeUser(t.db, { roles: [role] }));
      const res = await agent.get<{ items?: unknown }>(`${url}/notes`);
      expect(res.status, role).toBe(403);
      expect(res.body.items, role).toBeUndefined();
      expect((await agent.post(`${url}/notes`, { text: 'x' })).status, role).toBe(403);
      expect((await agent.get(`${url}/documents`)).status, role).toBe(403);
    }
  });

  it('and documents are kept out of other Comuni and of the national and regional scopes by row-level security', async () => {
    const tables = ['pilot_case_notes', 'pilot_documents', 'pilot_document_contents'];
    const count = (access: Parameters<TestApp['db']['tx']>[0]) =>
      t.db.tx(access, async (tx) => {
        const out: number[] = [];
        for (const table of tables)
          out.push((await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
        return out;
      });
    expect(await count({ scope: 'comune', tenant: b.istat, region: null, userId: b.referente.id })).toEqual([0, 0, 0]);
    for (const scope of ['national', 'regione'] as const)
      expect(await count({ scope, tenant: null, region: '12', userId: null }), scope).toEqual([0, 0, 0]);
    const mine = await count({ scope: 'comune', tenant: a.istat, region: null, userId: a.referente.id });
    expect(mine.every((n) => n > 0)).toBe(true);
  });
});

describe('printed case summary', () => {
  it('is a tagged PDF, audited as an identity-exposing read, shown in "Chi ha consultato"', async () => {
    expect((await b.as.referente.get(`${url}/summary.pdf`)).status).toBe(404);
    expect((await a.as.amministrativo.get(`${url}/summary.pdf`)).status).toBe(403);
    const res = await a.as.operatore.get(`${url}/summary.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.raw.rawPayload.includes(Buffer.from('/StructTreeRoot'))).toBe(true);
    const rows = await auditRows(t.db, "action = 'pilot.case.print' AND entity_id = $1", [c.caseId]);
    expect(rows[0]!.details).toMatchObject({ identity: true });
    const viewers = await a.as.referente.get<{ items: { action: string }[] }>(
      `/api/v1/pilot/persons/${c.holderId}/viewers`,
    );
    expect(viewers.body.items.map((v) => v.action)).toContain('pilot.case.print');
  }, 60_000);
});

describe('data key rotation', () => {
  it('re-encrypts the documents and notes with the new key (the columns are declared)', async () => {
    const doc = await upload(a.as.operatore, { filename: 'ultimo.pdf' });
    const next = createFieldCipher(Buffer.alloc(32, 9));
    const report = await rotateDataKey(t.db, encryptedColumnsOf(modules), t.cipher, next);
    expect(report['pilot_document_contents.content_enc']).toBeGreaterThan(0);
    expect(report['pilot_case_notes.text_enc']).toBeGreaterThan(0);
    expect(report['pilot_documents.filename_enc']).toBeGreaterThan(0);
    const [raw] = await t.db.ownerTx((tx) =>
      tx.query<{ content_enc: string }>('SELECT content_enc FROM pilot_document_contents WHERE id = $1', [doc.body.id]),
    );
    expect(openContent(next, doc.body.id, raw!.content_enc).equals(PDF)).toBe(true);
  });
});
