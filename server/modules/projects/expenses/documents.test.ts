/**
 * The documents of an expense through the API: accepted by content only, kept encrypted in the
 * platform's document store (and covered by the key rotation), downloaded as an attachment with an
 * audit row by the entitled roles (never the Regione), removed while the expense can change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestApp, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeOrg, makeUser } from '../../../../tests/support/factories.js';
import { loginAs } from '../../../../tests/support/pilot-factories.js';
import {
  assignRevisore,
  makeProject,
  projectStaff,
  type TestProject,
} from '../../../../tests/support/project-factories.js';
import type { Schema } from '../../../../tests/support/schema.js';
import { createFieldCipher } from '../../../platform/crypto.js';
import { rotateDataKey } from '../../../platform/data-key.js';
import { encryptedColumnsOf } from '../../../platform/module.js';
import { openDocumentContent } from '../../../platform/documents/index.js';
import { modules } from '../../../modules.js';
import { projectDocumentContents } from './documents.store.js';

type Doc = Schema<'ProjectExpenseDocument'> & { code?: string; detail?: string };
type DocList = Schema<'ProjectExpenseDocumentList'>;
type Expense = Schema<'ProjectExpense'>;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fake')]);
const b64 = (b: Buffer) => b.toString('base64');

let t: TestApp;
let p: TestProject;
let q: TestProject;
let staff: Awaited<ReturnType<typeof projectStaff>>;
let other: Awaited<ReturnType<typeof projectStaff>>;
let expense: Expense;
let base: string;
let mlps: Agent;
let anci: Agent;
let regione: Agent;
let revisore: Agent;
let otherRevisore: Agent;

beforeAll(async () => {
  t = await startTestApp();
  p = await makeProject(t.db);
  q = await makeProject(t.db);
  staff = await projectStaff(t, p);
  other = await projectStaff(t, q);
  const res = await staff.referente.post<Expense>(`/api/v1/projects/${p.id}/expenses`, {
    lineKey: p.lines[1]!.lineKey,
    docType: 'FATTURA',
    issuerName: 'Cooperativa Esempio',
    docNumber: '7/2025',
    docDate: '2025-04-01',
    netCents: 50000,
    chargedCents: 50000,
  });
  expense = res.body;
  base = `/api/v1/projects/${p.id}/expenses/${expense.id}/documents`;
  mlps = await loginAs(t, await makeUser(t.db, { roles: ['mlps'] }));
  anci = await loginAs(t, await makeUser(t.db, { roles: ['assistenza_tecnica'] }));
  const [region] = await t.db.ownerTx((tx) =>
    tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [p.comuneIstat]),
  );
  regione = await loginAs(
    t,
    await makeUser(t.db, {
      roles: ['regione'],
      org: await makeOrg(t.db, { type: 'regione', regionCode: region!.region_code }),
    }),
  );
  revisore = await loginAs(t, (await assignRevisore(t.db, p)).user);
  otherRevisore = await loginAs(t, await makeUser(t.db, { roles: ['revisore'] }));
});
afterAll(async () => t.close());

const upload = (agent: Agent, over: Record<string, unknown> = {}) =>
  agent.post<Doc>(base, { kind: 'GIUSTIFICATIVO', filename: 'fattura 7.pdf', content: b64(PDF), ...over });

describe('expense documents', () => {
  it('accepts a PDF by its content and keeps it encrypted in the document store', async () => {
    const res = await upload(staff.referente);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'GIUSTIFICATIVO',
      filename: 'fattura 7.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [raw] = await t.db.ownerTx((tx) =>
      tx.query<{ content: string; project_id: string; comune_istat: string }>(
        'SELECT content, project_id, comune_istat FROM project_document_contents WHERE id = $1',
        [res.body.id],
      ),
    );
    expect(raw!.content).toMatch(/^v1:/);
    expect(raw).toMatchObject({ project_id: p.id, comune_istat: p.comuneIstat });
    expect(openDocumentContent(t.cipher, projectDocumentContents, res.body.id, raw!.content).equals(PDF)).toBe(true);
    const audit = await auditRows(t.db, `action = 'projects.expense_document.upload' AND entity_id = $1`, [
      res.body.id,
    ]);
    expect(audit).toHaveLength(1);
    const list = await staff.amministrativo.get<DocList>(base);
    expect(list.body.items.map((d) => d.id)).toContain(res.body.id);
    expect(list.body.canEdit).toBe(true);
  });

  it('refuses a file whose content is not PDF, PNG or JPEG, or does not match its name (415)', async () => {
    const html = await upload(staff.referente, {
      filename: 'fattura.pdf',
      content: b64(Buffer.from('<html>x</html>')),
    });
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('projects.expense_document.type');
    expect(html.body.detail).toContain('PDF');
    const png = await upload(staff.referente, { filename: 'fattura.pdf', content: b64(PNG) });
    expect(png.status).toBe(415);
    const active = await upload(staff.referente, {
      content: b64(Buffer.from('%PDF-1.4 << /S /JavaScript /JS (app.alert(1)) >>')),
    });
    expect(active.status).toBe(415);
    const [n] = await t.db.ownerTx((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM project_expense_documents WHERE expense_id = $1', [
        expense.id,
      ]),
    );
    expect(n!.n).toBe(1);
  });

  it('downloads as an attachment with an audit row, for the entitled roles only', async () => {
    const doc = (await upload(staff.referente, { filename: 'quietanza.png', content: b64(PNG), kind: 'QUIETANZA' }))
      .body;
    const url = `${base}/${doc.id}/content`;
    for (const agent of [staff.referente, staff.amministrativo, revisore, anci, mlps]) {
      const res = await agent.request('GET', url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toContain('attachment; filename="quietanza.png"');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const reads = await auditRows(t.db, `action = 'projects.expense_document.read' AND entity_id = $1`, [doc.id]);
    expect(reads).toHaveLength(5);
    expect(reads[0]!.tenant_comune).toBe(p.comuneIstat);
    // the Regione sees the figures, not the documents
    expect((await regione.get(`/api/v1/projects/${p.id}/expenses/${expense.id}`)).status).toBe(200);
    expect((await regione.request('GET', url)).status).toBe(403);
    expect((await regione.get(base)).status).toBe(403);
    // another Comune, a revisore not assigned: as if it did not exist
    expect((await other.referente.request('GET', url)).status).toBe(404);
    expect((await otherRevisore.request('GET', url)).status).toBe(404);
    // the national bodies read but do not attach
    expect((await upload(mlps)).status).toBe(403);
    expect((await upload(revisore)).status).toBe(403);
    expect(
      (await auditRows(t.db, `action = 'projects.expense_document.read' AND entity_id = $1`, [doc.id])).length,
    ).toBe(5);
  });

  it('removes a document while the expense can change, never once it is in a claim', async () => {
    const doc = (await upload(staff.referente)).body;
    const del = await staff.referente.request('DELETE', `${base}/${doc.id}`);
    expect(del.status).toBe(204);
    expect((await staff.referente.request('GET', `${base}/${doc.id}/content`)).status).toBe(404);
    const left = await t.db.ownerTx((tx) =>
      tx.query('SELECT 1 FROM project_document_contents WHERE id = $1', [doc.id]),
    );
    expect(left).toHaveLength(0);
    const kept = (await upload(staff.referente)).body;
    await t.db.ownerTx((tx) =>
      tx.query(`UPDATE project_expenses SET status = 'IN_DOMANDA' WHERE id = $1`, [expense.id]),
    );
    expect((await staff.referente.request('DELETE', `${base}/${kept.id}`)).status).toBe(409);
    expect((await upload(staff.referente)).status).toBe(409);
    expect((await staff.referente.get<DocList>(base)).body.canEdit).toBe(false);
    await t.db.ownerTx((tx) => tx.query(`UPDATE project_expenses SET status = 'BOZZA' WHERE id = $1`, [expense.id]));
  });

  it('the key rotation re-encrypts the bytes of the expenses’ documents', async () => {
    const doc = (await upload(staff.referente)).body;
    const next = createFieldCipher(Buffer.alloc(32, 11));
    const report = await rotateDataKey(t.db, encryptedColumnsOf(modules), t.cipher, next);
    expect(report['project_document_contents.content']).toBeGreaterThan(0);
    const [raw] = await t.db.ownerTx((tx) =>
      tx.query<{ content: string }>('SELECT content FROM project_document_contents WHERE id = $1', [doc.id]),
    );
    expect(openDocumentContent(next, projectDocumentContents, doc.id, raw!.content).equals(PDF)).toBe(true);
  });
});
