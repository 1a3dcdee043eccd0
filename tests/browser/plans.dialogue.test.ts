/**
 * The Region–Comune dialogue in the browser (issue 13 item 4): the demo Regione Piemonte opens a
 * thread with Saluzzo on a topic and mentions the Saluzzo referente, picked by name; the referente
 * sees it awaiting them, replies with a PDF attachment, and the Region downloads it. Every page is
 * checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Chooses a match of a picker as a person does: a click on its label (Bootstrap Italia draws the radio there). */
async function choose(page: Page, name: RegExp) {
  const id = await page.getByRole('radio', { name }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('the Region–Comune dialogue', () => {
  it('the Region opens a thread with Saluzzo mentioning its referente, who replies with a PDF', async () => {
    const regione = await signedIn(env, 'regione.piemonte@demo.incas.local');
    regione.setDefaultTimeout(20_000);
    await regione.getByRole('link', { name: 'Dialogo Regione–Comuni' }).first().click();
    await regione.getByRole('heading', { name: 'Dialogo Regione–Comuni', level: 1 }).waitFor();
    await settled(regione, 'the list of threads');
    await regione.getByRole('button', { name: 'Nuova conversazione' }).click();
    await regione.getByRole('searchbox', { name: 'Comune' }).fill('Saluzzo');
    await choose(regione, /^Saluzzo \(CN\)/);
    await regione.getByLabel('Riferimento della conversazione').selectOption({ label: 'Tema' });
    await regione.getByLabel('Tema', { exact: true }).fill('Alloggi per i lavoratori stagionali');
    await regione.getByLabel('Oggetto').fill('Posti letto per la stagione della frutta');
    await regione.getByLabel('Primo messaggio').fill('Potete indicarci quanti posti letto servono quest’anno?');
    await regione.getByRole('searchbox', { name: 'Persone da menzionare' }).fill('Saluzzo');
    await choose(regione, /^Referente Demo Saluzzo/);
    await regione.getByText('Referente Demo Saluzzo').first().waitFor();
    await settled(regione, 'the new thread form');
    await regione.getByRole('button', { name: 'Apri la conversazione' }).click();
    await regione.getByRole('heading', { name: 'Posti letto per la stagione della frutta', level: 1 }).waitFor();
    await regione.getByText('Menziona: Referente Demo Saluzzo').waitFor();
    await settled(regione, 'a thread just opened');
    const threadUrl = regione.url();

    const comune = await signedIn(env, 'referente.saluzzo@demo.incas.local');
    comune.setDefaultTimeout(20_000);
    await comune.goto(`${env.baseUrl}/dialogo`);
    await settled(comune, "the Comune's threads");
    await comune.getByText('Solo quelle in attesa di una mia risposta').click();
    await comune.getByRole('link', { name: 'Posti letto per la stagione della frutta' }).click();
    await comune.getByRole('heading', { name: 'Posti letto per la stagione della frutta', level: 1 }).waitFor();
    await comune.getByLabel('Messaggio', { exact: true }).fill('Ne servono circa quaranta: allego la stima.');
    await comune
      .getByLabel('Allegati (PDF, PNG o JPEG, al massimo 3)')
      .setInputFiles({ name: 'stima-posti-letto.pdf', mimeType: 'application/pdf', buffer: PDF });
    await comune.getByRole('button', { name: 'Invia', exact: true }).click();
    await comune.getByText('Messaggio inviato.').waitFor();
    await comune.getByRole('link', { name: 'Scarica stima-posti-letto.pdf' }).waitFor();
    await settled(comune, 'a thread with a reply and its attachment');

    await regione.goto(threadUrl);
    await regione.getByText('Ne servono circa quaranta: allego la stima.').waitFor();
    const download = regione.waitForEvent('download');
    await regione.getByRole('link', { name: 'Scarica stima-posti-letto.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('stima-posti-letto.pdf');
    await settled(regione, 'the thread with the reply');
  });
});
