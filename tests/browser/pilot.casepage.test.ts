/**
 * The case page as the operatore of Catania uses it (issue 9): a short page with a summary and
 * sections kept in the URL, the "Crea PAI" action that says why it is not available yet, a case
 * note and a small PDF attached, with one floating confirmation at a time; axe on each section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

const pdf = {
  name: 'permesso.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
};

describe('the case page of an open case in Catania', () => {
  it('has sections in the URL, explains a disabled action, takes a note and a PDF', async () => {
    // an open case of the operatore whose holder is not admitted yet
    const { rows } = await env.db.ownerQuery(
      `SELECT c.id::text AS id FROM pilot_cases c JOIN users u ON u.id = c.owner_user_id
        WHERE u.email = 'operatore.catania@demo.incas.local' AND c.status = 'aperto'
          AND NOT EXISTS (SELECT 1 FROM pilot_admissions a WHERE a.case_id = c.id)
        ORDER BY c.opened_on DESC LIMIT 1`,
    );
    const caseId = (rows[0] as { id: string } | undefined)?.id;
    expect(caseId, 'an open demo case without admissions in Catania').toBeDefined();
    const op = await signedIn(env, 'operatore.catania@demo.incas.local');
    const url = `${env.baseUrl}/casi/${caseId}`;
    await op.goto(url);
    await op.getByRole('heading', { name: 'Sintesi del caso' }).waitFor();
    await op.getByRole('heading', { name: 'Nucleo familiare' }).waitFor();
    await settled(op, 'case page, Persona e nucleo');
    // closed forms, one section: the page is short (it was 5,000–6,500 px with everything open;
    // this case has five persons, each with the identity panel's six lines)
    const height = await op.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(4000);
    const tabs = op.getByRole('navigation', { name: 'Sezioni del caso' });

    // a section by its tab, then straight from a link: the URL holds it
    await tabs.getByRole('link', { name: 'Ammissione e PAI' }).click();
    await op.waitForURL(/\?sezione=ammissione$/);
    const create = op.getByRole('button', { name: /^Crea PAI per / }).first();
    await expect.poll(() => create.getAttribute('aria-disabled')).toBe('true');
    // the reason is read through the button's own aria-describedby, as a screen reader does
    // (read each time: the section may render again once its data is in, with new ids)
    await expect
      .poll(async () => op.locator(`[id="${await create.getAttribute('aria-describedby')}"]`).textContent())
      .toMatch(/^Disponibile dopo l'ammissione al programma/);
    await settled(op, 'case page, Ammissione e PAI');
    await op.goto(`${url}?sezione=cronologia`);
    await op.getByRole('heading', { name: 'Cronologia del caso' }).waitFor();
    await expect.poll(() => tabs.getByRole('link', { name: 'Cronologia' }).getAttribute('aria-current')).toBe('page');
    await op.goBack();
    await op.waitForURL(/\?sezione=ammissione$/);

    // documents and notes: a note, then a small PDF; one confirmation at a time, over the page
    await tabs.getByRole('link', { name: 'Documenti e note' }).click();
    await op.getByRole('heading', { name: 'Note del caso' }).waitFor();
    await settled(op, 'case page, Documenti e note');
    await op.getByRole('button', { name: 'Aggiungi una nota' }).click();
    await op.getByLabel('Nota', { exact: true }).fill('Primo colloquio: la persona chiede un corso di italiano.');
    await op.getByRole('button', { name: 'Salva la nota' }).click();
    await op.getByText('Primo colloquio: la persona chiede un corso di italiano.').waitFor();
    // the form closed and the focus went back to its button
    await expect.poll(() => op.getByRole('button', { name: 'Salva la nota' }).count()).toBe(0);
    await expect.poll(() => op.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Aggiungi una nota');

    await op.getByRole('button', { name: 'Allega un documento' }).click();
    await op.getByLabel('Tipo di documento').selectOption('permesso_soggiorno');
    await op.getByLabel('File', { exact: true }).setInputFiles(pdf);
    await op.getByRole('button', { name: 'Allega', exact: true }).click();
    const documents = op.getByRole('table', { name: /^Documenti del caso/ });
    await documents.getByRole('link', { name: 'permesso.pdf' }).waitFor();
    const toasts = op.locator('.incas-toasts');
    await expect.poll(() => toasts.textContent()).toContain('Documento «permesso.pdf» allegato.');
    await expect.poll(() => toasts.locator('.alert').count()).toBe(1);
    await expect.poll(() => toasts.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await settled(op, 'case page, a note and a document');

    // the download is an attachment of the right type, and the note and the download are on record
    const download = await op.evaluate(
      async (href) => {
        const r = await fetch(href);
        return {
          status: r.status,
          type: r.headers.get('content-type'),
          disposition: r.headers.get('content-disposition'),
          sniff: r.headers.get('x-content-type-options'),
        };
      },
      (await documents.getByRole('link', { name: 'permesso.pdf' }).getAttribute('href'))!,
    );
    expect(download).toMatchObject({ status: 200, type: 'application/pdf', sniff: 'nosniff' });
    expect(download.disposition).toMatch(/^attachment;/);
    const audit = await env.db.ownerQuery(
      `SELECT action FROM audit_log WHERE action IN ('pilot.document.upload', 'pilot.document.read', 'pilot.case.note_add')
          AND tenant_comune = '087015' ORDER BY seq`,
    );
    expect((audit.rows as { action: string }[]).map((r) => r.action)).toEqual(
      expect.arrayContaining(['pilot.case.note_add', 'pilot.document.upload', 'pilot.document.read']),
    );
  });
});
