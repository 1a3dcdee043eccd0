/**
 * The good practices in the browser (issue 14 item 2): a visitor with no login searches the demo's
 * practices with an inflected form ("lavoratori" finds "lavoratore" through the Italian stemmer),
 * sees the word marked in the fragment, opens the practice and a case study; ANCI/Cittalia's
 * assistenza tecnica opens a practice in review from the management list and publishes it. Every
 * page is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('good practices', () => {
  it('a visitor finds a practice by an inflected word, opens it and a case study', async () => {
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/buone-pratiche`);
    await page.getByRole('heading', { name: 'Buone pratiche', level: 1 }).waitFor();
    await settled(page, 'the public list of good practices');
    await page.getByLabel('Parole da cercare').fill('lavoratori');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.waitForURL(/[?&]q=lavoratori/);
    const link = page.getByRole('link', { name: /Sportello mobile per il lavoratore stagionale/ }).first();
    await link.waitFor();
    // the unfiltered list may still show the practice: wait for the search's marked fragments
    await expect
      .poll(async () => (await page.locator('mark').allTextContents()).map((s) => s.toLowerCase()))
      .toContain('lavoratore');
    await settled(page, 'a search with highlighted fragments');
    // the filters go into the address, so the search can be shared
    await page.getByLabel('Settore').selectOption({ label: 'Agricoltura' });
    await page.waitForURL(/settore=AGRICOLTURA/);
    await link.click();
    await page.getByRole('heading', { name: /Sportello mobile per il lavoratore stagionale/, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'L’intervento' }).waitFor();
    await page.getByText('Prevenzione', { exact: true }).waitFor();
    await settled(page, "a practice's public page");
    await page.goto(`${env.baseUrl}/casi-studio`);
    await page.getByRole('heading', { name: 'Casi di studio', level: 1 }).waitFor();
    await settled(page, 'the case studies');
    await page.getByRole('link', { name: /Caso di studio 1/ }).click();
    await page.getByRole('heading', { name: 'Fonti' }).waitFor();
    await page.getByRole('heading', { name: 'Gli interventi' }).waitFor();
    await settled(page, 'a case study');
  });

  it('ANCI/Cittalia publishes a practice in review', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/buone-pratiche-gestione?stato=IN_REVISIONE`);
    await page.getByRole('heading', { name: 'Gestione delle buone pratiche', level: 1 }).waitFor();
    const first = page.getByRole('table').getByRole('link').first();
    await first.waitFor();
    await settled(page, 'the practices in review');
    const title = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('Stato: In revisione').waitFor();
    await settled(page, 'a practice in review');
    await page.getByRole('button', { name: 'Pubblica' }).click();
    await page.getByText('Pubblicata: la pagina pubblica è visibile a tutti.').waitFor();
    await page.getByRole('link', { name: 'Vedi la pagina pubblica' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  });
});
