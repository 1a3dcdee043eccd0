/**
 * Issue 11 item 8 in Chromium with axe, on a small wave from factories: a Comune opens "I miei
 * risultati a confronto" from its questionnaires and reads its own answers beside its Region's and
 * Italy's figures; a Comune whose questionnaire is not sent yet is told why there is nothing to
 * compare; a Regione's export panel lists "Comuni della tua Regione" with their state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, TEST_PASSWORD } from '../support/factories.js';
import { comuniOf, makeResultsWave } from '../support/survey-results-factories.js';
import { expectAccessible, logIn, settled, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let waveId: string;
let puglia: string[];

beforeAll(async () => {
  env = await startBrowserEnv();
  const anci = await makeUser(env.db, { roles: ['assistenza_tecnica'] });
  puglia = await comuniOf(env.db, '16', 5);
  const [p1] = await comuniOf(env.db, '01', 1);
  const [c1, c2, c3, c4, c5] = puglia as [string, string, string, string, string];
  waveId = await makeResultsWave(env.db, anci.id, [
    {
      istat: c1,
      status: 'inviato',
      answers: { presenza: 'si', addetti: 10, lavoratori: { value: 13, quality: 'certo' } },
    },
    { istat: c2, status: 'validato', answers: { presenza: 'si', addetti: 20 } },
    { istat: c3, status: 'consolidato', answers: { presenza: 'no', addetti: 0 } },
    { istat: c4, status: 'inviato', answers: { presenza: 'no', addetti: 4 } },
    { istat: p1!, status: 'inviato', answers: { presenza: 'si', addetti: 7 } },
    { istat: c5, status: 'in_compilazione', answers: { presenza: 'si' } },
  ]);
});
afterAll(async () => env?.close());

async function comunePage(istat: string) {
  const org = await makeOrg(env.db, { type: 'comune', comuneIstat: istat });
  const u = await makeUser(env.db, { roles: ['validatore_indagine'], org });
  const page = await env.newPage();
  await logIn(page, env.baseUrl, u.email, TEST_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

describe('who sees what', () => {
  it('a Comune compares its own answers with its Region and Italy', async () => {
    const page = await comunePage(puglia[0]!);
    await page.goto(`${env.baseUrl}/questionari`);
    await settled(page, 'my questionnaires');
    await page.getByRole('link', { name: /^I miei risultati a confronto/ }).click();
    await page.waitForURL(/\/i-miei-risultati$/);
    const table = page.getByRole('table', { name: /a confronto con la Regione e l'Italia$/ });
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(1);
    expect(await table.getByRole('columnheader', { name: 'Puglia' }).count()).toBe(1);
    expect(await table.getByRole('columnheader', { name: 'Italia' }).count()).toBe(1);
    const presenza = table.getByRole('row', { name: /^Presenza di lavoratori/ });
    expect(await presenza.locator('td').first().textContent()).toBe('Sì');
    // Puglia: 2 of 4 said yes; Italy 3 of 5
    expect(await presenza.locator('td').nth(1).textContent()).toContain('50%');
    expect(await presenza.locator('td').nth(2).textContent()).toContain('60%');
    expect(await presenza.locator('td').nth(2).textContent()).toContain('Base: 5 Comuni');
    await settled(page, 'my results compared');
  });

  it('a Comune that has not sent its questionnaire is told when the comparison opens', async () => {
    const page = await comunePage(puglia[4]!);
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/i-miei-risultati`);
    await page.getByText(/^Il confronto si apre quando il questionario è stato inviato/).waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'my results, not sent yet');
  });

  it('a Regione’s export panel lists the Comuni of its Region with their state', async () => {
    const org = await makeOrg(env.db, { type: 'regione', regionCode: '16' });
    const u = await makeUser(env.db, { roles: ['regione'], org });
    const page = await env.newPage();
    await logIn(page, env.baseUrl, u.email, TEST_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/risultati`);
    await page.getByRole('heading', { name: 'Comuni della tua Regione' }).waitFor({ timeout: 10_000 });
    const list = page.getByRole('table', { name: /^Comuni della tua Regione in questa rilevazione/ });
    await expect.poll(() => list.locator('tbody tr').count(), { timeout: 10_000 }).toBe(5);
    expect(await list.getByText('In compilazione').count()).toBe(1);
    // the Regione prepares its own Comuni's file and downloads it
    await page.getByRole('button', { name: 'Prepara il file (XLSX)' }).click();
    const link = page.getByRole('link', { name: 'Scarica il file (XLSX)' });
    await link.waitFor({ timeout: 30_000 });
    expect(await page.getByText(/^Il file .*-regione-16-wide-codes\.xlsx è pronto/).count()).toBe(1);
    await settled(page, 'results with the Regione’s export panel');
  });
});
