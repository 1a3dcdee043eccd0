/**
 * Issue 11, part 1, in Chromium with axe: ANCI/Cittalia open the 2021 census's results from the
 * wave's page, pick a question by its label, filter by Region, read a range of persons exact and the
 * free-text answers, and cross-tabulate two questions; MLPS reads the same results with the counts
 * of persons rounded to 5 and no free-text question to pick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSurveysDemoData } from '../../server/modules/surveys/demo/seed.js';
import { DEMO_PASSWORD, expectAccessible, settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let waveId: string;
beforeAll(async () => {
  env = await startBrowserEnv();
  // the surveys' demo: the closed 2021 census (3,851 answered) and the open 2024 wave
  await seedSurveysDemoData(env.db, DEMO_PASSWORD, new Date());
  const [w] = await env.db.ownerTx((tx) =>
    tx.query<{ id: string }>("SELECT id FROM survey_waves WHERE title_it = 'Censimento 2021'"),
  );
  waveId = w!.id;
});
afterAll(async () => env?.close());

const number = /^(0|<10|\d{1,3}(\.\d{3})*)$/;

describe('results of the 2021 census', () => {
  it('ANCI/Cittalia: from the wave, a question by label, filtered, exact, with free text and a cross-tabulation', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}`);
    await settled(page, 'the 2021 wave');
    await page.getByRole('link', { name: 'Risultati per domanda' }).click();
    await page.waitForURL(/\/risultati$/);
    await settled(page, 'results (ANCI)');

    // the picker shows the questions' labels
    expect(await page.locator('#result-question option[value="b1_presenza"]').textContent()).toMatch(
      /^B1\. Nel territorio/,
    );
    await page.getByLabel('Domanda', { exact: true }).selectOption('b1_presenza');
    const table = page.getByRole('table', { name: /^B1\. Nel territorio.*risposte per scelta/ });
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText(/^Base: [\d.]+ Comuni hanno risposto$/).count()).toBe(1);
    expect(await table.getByRole('rowheader', { name: 'Sì' }).count()).toBe(1);
    // Italian numbers: thousands with a dot, percentages with a comma
    const base = (await page.getByText(/^Base: /).textContent()) ?? '';
    expect(base).toMatch(/^Base: \d\.\d{3} Comuni/);
    expect((await table.locator('tbody tr').first().locator('td').last().textContent()) ?? '').toMatch(/%$/);

    // a Region in words, then a range of persons: exact for ANCI
    await page.getByLabel('Regione').selectOption({ label: 'Puglia' });
    await page.getByLabel('Domanda', { exact: true }).selectOption('b3_stagionali');
    const stats = page.getByRole('table', { name: /^B3\. .*indicatori$/ });
    await expect.poll(() => stats.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => stats.getByRole('rowheader', { name: 'Somma dei minimi' }).count()).toBe(1);
    expect(page.url()).toContain('region=16');
    await expectAccessible(page, 'results of a range, Puglia (ANCI)');

    // free text is there for ANCI
    expect(await page.locator('#result-question option[value="a2_nome"]').count()).toBe(1);

    // the cross-tabulation
    await page.getByLabel('Domanda nelle righe').selectOption('b1_presenza');
    await page.getByLabel('Domanda nelle colonne').selectOption('c2_insediamenti');
    const cross = page.getByRole('table', { name: /numero di Comuni$/ });
    await expect.poll(() => cross.count(), { timeout: 10_000 }).toBe(1);
    expect(await cross.getByRole('columnheader', { name: 'Totale' }).count()).toBe(1);
    await expectAccessible(page, 'cross-tabulation (ANCI)');
  });

  it('MLPS: counts of persons rounded, no free-text question', async () => {
    const page = await signedIn(env, 'mlps@demo.incas.local');
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/risultati?q=b3_stagionali`);
    await settled(page, 'results (MLPS)');
    await expect.poll(() => page.getByText(/compaiono come «<10»/).count(), { timeout: 10_000 }).toBe(1);
    const stats = page.getByRole('table', { name: /^B3\. .*indicatori$/ });
    await expect.poll(() => stats.count(), { timeout: 10_000 }).toBe(1);
    for (const label of ['Somma dei minimi', 'Somma dei massimi']) {
      const cell =
        (await stats
          .getByRole('row', { name: new RegExp(`^${label}`) })
          .locator('td')
          .textContent()) ?? '';
      expect(cell).toMatch(number);
      const n = Number(cell.replaceAll('.', ''));
      if (cell !== '<10') expect(n % 5).toBe(0);
    }
    expect(await page.locator('#result-question option[value="a2_nome"]').count()).toBe(0);
    await expectAccessible(page, 'results of a range (MLPS)');
  });
});
