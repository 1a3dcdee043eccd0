/**
 * Issue 11 item 6 in Chromium with axe: ANCI/Cittalia release a dataset of a small wave's
 * aggregates from the results page (questions by their Italian label, level, title, description,
 * keywords), and a visitor without a session reaches the "Dati aperti" page from the login page and
 * finds it with its coverage, licence and links to the CSV and the metadata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comuniOf, makeResultsWave } from '../support/survey-results-factories.js';
import { expectAccessible, settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let waveId: string;
beforeAll(async () => {
  env = await startBrowserEnv();
  const [author] = await env.db.ownerTx((tx) => tx.query<{ id: string }>('SELECT id FROM users ORDER BY id LIMIT 1'));
  const comuni = await comuniOf(env.db, '16', 4);
  waveId = await makeResultsWave(
    env.db,
    author!.id,
    comuni.map((istat, i) => ({
      istat,
      status: 'inviato',
      answers: { presenza: i % 2 ? 'si' : 'no', lavoratori: { value: 10 + i, quality: 'certo' } },
    })),
  );
});
afterAll(async () => env?.close());

describe('open data', () => {
  it('ANCI/Cittalia release a dataset; a visitor without login finds it on the public page', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/risultati`);
    await page.getByRole('heading', { name: 'Pubblica come dati aperti' }).waitFor({ timeout: 10_000 });
    await page.getByLabel('Presenza di lavoratori').check({ force: true });
    await page.getByLabel('Lavoratori', { exact: true }).check({ force: true });
    await page.getByLabel('Titolo (italiano)').fill('Presenza di lavoratori per Regione');
    await page.getByLabel('Descrizione (italiano)').fill('Quota di Comuni con lavoratori stranieri presenti.');
    await page.getByLabel('Parole chiave').fill('lavoro, Comuni');
    await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
    await page.getByText('Dataset «Presenza di lavoratori per Regione» pubblicato.').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Ritira «Presenza di lavoratori per Regione»' }).waitFor();
    await expectAccessible(page, 'results page with the release form (ANCI)');

    const visitor = await env.newPage();
    await visitor.goto(`${env.baseUrl}/login`);
    await visitor.getByRole('link', { name: 'Vai ai dati aperti' }).click();
    await visitor.waitForURL(/\/dati-aperti$/);
    await settled(visitor, 'open data (visitor)');
    const card = visitor.getByRole('article', { name: 'Presenza di lavoratori per Regione' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByText('Italia, per Regione').count()).toBe(1);
    expect(await card.getByRole('link', { name: 'CC BY 4.0' }).getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
    const csv = card.getByRole('link', { name: /^Scarica il CSV di «Presenza di lavoratori per Regione»/ });
    expect(await csv.getAttribute('href')).toMatch(/\/api\/v1\/open-data\/datasets\/[0-9a-f-]{36}\/distribution\.csv$/);
    expect(await visitor.getByRole('link', { name: 'Dati aperti' }).count()).toBeGreaterThan(0);
  });
});
