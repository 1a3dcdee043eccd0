/**
 * The events in the browser (issue 14 item 1): the demo's ANCI assistenza tecnica opens the
 * organisers' list from the menu, creates a workshop as a draft, fills its dates the Italian way
 * and publishes it; a visitor with no login finds it on /eventi, opens its page, reads the
 * programme and the seats left and gets the calendar file. Every page is checked with axe.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

const year = new Date().getFullYear() + 1;
const title = `Workshop territoriale di prova ${randomUUID().slice(0, 6)}: città e lavoro`;

describe('events', () => {
  it('the organiser creates a workshop and publishes it', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.getByRole('link', { name: 'Eventi', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Gestione eventi', level: 1 }).waitFor();
    await page
      .getByText(/Workshop territoriale di Aosta/)
      .first()
      .waitFor();
    await settled(page, "the organisers' list of events");
    await page.getByRole('link', { name: 'Nuovo evento' }).click();
    await page.getByRole('heading', { name: 'Nuovo evento', level: 1 }).waitFor();
    await settled(page, 'a new event');
    await page.getByLabel('Tipo di evento').selectOption({ label: 'Workshop territoriale' });
    await page.getByLabel('Titolo').fill(title);
    await page.getByLabel('Presentazione breve').fill('Una giornata di lavoro tra Comuni e servizi (prova).');
    await page.getByLabel('Programma').fill('09:30 Accoglienza\n10:00 Apertura dei lavori\n13:00 Chiusura');
    await page.getByLabel('A chi si rivolge').fill('Referenti comunali');
    await page.getByLabel('Giorno di inizio').fill(`15/03/${year}`);
    await page.getByLabel('Ora di inizio').fill('09:30');
    await page.getByLabel('Giorno di fine').fill(`15/03/${year}`);
    await page.getByLabel('Ora di fine').fill('13:00');
    await page.getByLabel('Luogo').fill('Sala consiliare, piazza del Municipio 1');
    await page.getByLabel('Regione').selectOption({ label: 'Puglia' });
    await page.getByLabel('Posti disponibili').fill('25');
    await page.getByRole('button', { name: 'Crea la bozza' }).click();
    await page.getByText(/È una bozza/).waitFor();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await settled(page, 'a draft event');
    await page.getByRole('button', { name: 'Pubblica' }).click();
    await page.getByText(/Evento pubblicato/).waitFor();
    await page.getByRole('heading', { name: 'Annulla l’evento' }).waitFor();
    await settled(page, 'a published event');
  });

  it('a visitor with no login finds it on /eventi and opens its page', async () => {
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/eventi`);
    await page.getByRole('heading', { name: 'In programma' }).waitFor();
    await settled(page, 'the public list of events');
    await page.getByLabel('Tipo di evento').selectOption({ label: 'Workshop territoriale' });
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('10:00 Apertura dei lavori').waitFor();
    await page.getByText(`15 marzo ${year}, ore 09:30`).first().waitFor();
    await page.getByText('25 posti liberi su 25').waitFor();
    await page.getByText('Puglia').waitFor();
    const ics = page.getByRole('link', { name: 'Aggiungi al calendario' });
    const href = await ics.getAttribute('href');
    const res = await page.request.get(`${env.baseUrl}${href}`);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await res.text()).toContain('BEGIN:VEVENT\r\n');
    await settled(page, "an event's public page");
    // a demo event that is over
    await page.goto(`${env.baseUrl}/eventi?page=1`);
    await page.getByRole('heading', { name: 'Eventi passati' }).waitFor();
  });
});
