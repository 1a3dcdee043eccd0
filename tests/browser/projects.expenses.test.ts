/**
 * Issue 12 item 3: the referente of a Comune records an expense typing the amounts the Italian way,
 * picks the budget line by its category's words, sees the warnings in words, attaches the invoice,
 * and finds the expense on the list; the pages pass axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';
import { makeProject, type TestProject } from '../support/project-factories.js';
import { expectAccessible, logIn, settled, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let project: TestProject;
let email: string;
beforeAll(async () => {
  env = await startBrowserEnv();
  project = await makeProject(env.db, { title: 'Accoglienza diffusa' });
  email = (await makeUser(env.db, { roles: ['referente_comunale'], org: project.org })).email;
});
afterAll(async () => env?.close());

describe('the referente of the Comune', () => {
  it('records an invoice typed "1.234,50" and sees it, with its warning, on the list', async () => {
    const page = await env.newPage();
    await logIn(page, env.baseUrl, email, TEST_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${env.baseUrl}/progetti/${project.id}/spese/nuova`);
    await page.getByLabel(/Tipo di documento/).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel(/Tipo di documento/).selectOption({ label: 'Fattura' });
    await page.getByLabel(/Numero del documento/).fill('FT 12/2025');
    await page.getByLabel(/Data del documento/).fill('2025-06-15');
    await page.getByLabel(/Fornitore o emittente/).fill('Cooperativa Città Aperta');
    await page.getByLabel(/^Imponibile/).fill('1.234,50');
    await page.getByLabel(/^IVA$/).fill('271,59');
    await page.getByLabel(/Importo imputato al progetto/).fill('1.506,09');
    await page.getByLabel(/Voce di budget/).selectOption({ label: 'A2 Operatori e mediatori' });
    await expectAccessible(page, 'new expense, filled in');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL((u) => /\/spese\/[0-9a-f-]{36}$/.test(u.pathname));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Spesa FT 12/2025 del 15/06/2025');
    await expect.poll(() => page.getByText('Manca la prova del pagamento').count()).toBeGreaterThan(0);
    await settled(page, 'an expense with a warning');
    // a document attached by its content, listed with its download link
    await page.getByLabel(/File \(PDF, PNG o JPEG/).setInputFiles({
      name: 'fattura 12.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Allega' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Scarica fattura 12.pdf' }).count()).toBe(1);
    await expectAccessible(page, 'an expense with a document');

    await page.goto(`${env.baseUrl}/progetti/${project.id}/spese`);
    await page.locator('table').first().waitFor();
    await settled(page, 'the expenses of a project');
    const row = page.locator('tbody tr').filter({ hasText: 'FT 12/2025' });
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain('1.506,09 €');
    expect(await row.textContent()).toContain('Manca la prova del pagamento');
  });
});
