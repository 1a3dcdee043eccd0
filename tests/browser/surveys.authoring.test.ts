/**
 * Issue 10, point 3: ANCI/Cittalia create a survey, upload its XLSForm, read the import report,
 * preview the questionnaire as a Comune sees it in Italian and in English (a constraint's message
 * appears as the answer is typed, a repeat takes entries, "Cosa manca" moves to the question), and
 * publish it after a confirmation.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/platform/paths.js';
import { expectAccessible, settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

const FIXTURE = join(projectRoot(), 'tests', 'fixtures', 'xlsform-insediamenti.xlsx');

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('ANCI/Cittalia', () => {
  it('create a survey, import its XLSForm, preview it in Italian and English, and publish it', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await page.getByRole('link', { name: 'Indagini' }).first().click();
    await page.waitForURL(/\/indagini$/);
    await settled(page, 'surveys list (ANCI)');

    // a code that is not one is said next to the field
    await page.getByLabel('Codice').fill('Con Spazi');
    await page.getByLabel('Titolo (italiano)').fill('Insediamenti informali e servizi');
    await page.getByRole('button', { name: 'Crea indagine' }).click();
    await expect.poll(() => page.getByText(/Usare da 2 a 63 caratteri/).count()).toBe(1);
    await page.getByLabel('Codice').fill('insediamenti-servizi');
    await page.getByLabel('Titolo (inglese)').fill('Informal settlements and services');
    await page.getByRole('button', { name: 'Crea indagine' }).click();
    await page.getByRole('link', { name: 'Insediamenti informali e servizi' }).click();
    await page.waitForURL(/\/indagini\/[0-9a-f-]{36}$/);
    await settled(page, 'survey without versions (ANCI)');
    await expect.poll(() => page.getByText('Nessuna versione: importare un XLSForm.').count()).toBe(1);

    // the XLSForm upload and its report
    await page.getByLabel('File XLSForm (.xlsx)').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Importa' }).click();
    await expect.poll(() => page.getByText(/Bozza creata: 6 domande/).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByText('Nessuna avvertenza.').count()).toBe(1);
    const row = page.locator('tbody tr').first();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Bozza');
    await expectAccessible(page, 'survey after the import (ANCI)');

    // the preview, as a Comune sees it
    await page.getByRole('link', { name: 'Anteprima' }).last().click();
    await page.waitForURL(/\/indagini\/versioni\//);
    await settled(page, 'questionnaire preview, Italian (ANCI)');
    await expect
      .poll(() => page.getByRole('heading', { name: 'A. Dati generali' }).count(), { timeout: 10_000 })
      .toBe(1);
    const workers = page.getByLabel(/Lavoratori stagionali stimati/);
    await workers.fill('250000');
    await expect.poll(() => page.getByText('Indicare un numero tra 0 e 100.000').count()).toBeGreaterThan(0);
    expect(await workers.getAttribute('aria-invalid')).toBe('true');
    await workers.fill('1.200');
    await expect.poll(() => page.getByText('Indicare un numero tra 0 e 100.000').count()).toBe(0);
    // Bootstrap Italia draws checkboxes and radios on their labels: a user clicks the label
    await page.locator('label', { hasText: 'Altro (specificare)' }).click();
    await expect.poll(() => page.getByText('Specificare «Altro»').count()).toBeGreaterThan(0);
    await page.getByLabel('Specificare «Altro»').fill('Presidio sanitario');
    await page.locator('label', { hasText: /^Sì$/ }).click();
    await expectAccessible(page, 'questionnaire preview with answers (ANCI)');

    // the repeat becomes relevant: one entry per settlement
    await page.getByRole('button', { name: /^2\. B\. Insediamenti/ }).click();
    await page.getByRole('button', { name: 'Aggiungi: B. Insediamenti' }).click();
    await page.getByLabel(/Località/).fill('Borgo Mezzanone');
    await page.getByLabel(/Persone presenti/).fill('-3');
    await expect.poll(() => page.getByText('Il valore inserito non è accettato').count()).toBeGreaterThan(0);

    // "Cosa manca" links to the question left unanswered, in its section
    await page.getByRole('link', { name: /Ufficio referente/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? '')).toMatch(/ufficio$/);
    await page.getByLabel(/Ufficio referente/).fill('Servizi sociali');
    // the section buttons' colours change with a transition (Bootstrap's .btn): axe after it ends
    await page.waitForTimeout(500);
    await expectAccessible(page, 'questionnaire preview, what is missing (ANCI)');

    // the same questionnaire in English
    await page.locator('label', { hasText: /^Inglese$/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'A. General data' }).count()).toBe(1);
    await expect.poll(() => page.getByLabel(/Estimated seasonal workers/).inputValue()).toBe('1200');
    await page.getByLabel(/Estimated seasonal workers/).fill('250000');
    await expect.poll(() => page.getByText('Give a number between 0 and 100,000').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'questionnaire preview, English (ANCI)');

    // the answers as text, as a Comune sees them after sending
    await page.getByLabel(/^Mostra le risposte come testo/).check({ force: true });
    await expect.poll(() => page.getByText('Social services').count()).toBe(0);
    await expect.poll(() => page.getByText('Servizi sociali', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page, 'questionnaire preview as text (ANCI)');

    // publication, after a confirmation
    await page.getByRole('link', { name: 'Insediamenti informali e servizi' }).click();
    await page.waitForURL(/\/indagini\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: /^Pubblica Bozza/ }).click();
    await expect.poll(() => page.getByText(/Una versione pubblicata non cambia più/).count()).toBe(1);
    await expectAccessible(page, 'publication confirmation (ANCI)');
    await page.getByRole('button', { name: 'Conferma la pubblicazione' }).click();
    await expect.poll(() => page.getByText(/pubblicata come versione 1/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await page.locator('tbody tr').first().textContent()) ?? '').toContain('Pubblicata');
    await expect.poll(() => page.getByRole('button', { name: /^Pubblica/ }).count()).toBe(0);
  });
});
