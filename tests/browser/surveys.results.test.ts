/**
 * Issue 11, part 1, in Chromium with axe: ANCI/Cittalia open the 2021 census's results from the
 * wave's page, pick a question by its label, filter by Region, read a range of persons exact and the
 * free-text answers, and cross-tabulate two questions; MLPS reads the same results with the counts
 * of persons rounded to 5 and no free-text question to pick. ANCI/Cittalia prepare an export, watch
 * it being prepared and download it, and compare a question with the 2024 wave by keyboard (item 4).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let waveId: string;
beforeAll(async () => {
  env = await startBrowserEnv({ surveys: true });
  // the surveys' demo: the closed 2021 census (3,851 answered) and the open 2024 wave
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

    // the map of a choice question, on Puglia (the Region filter), then by province
    await page.getByLabel('Domanda', { exact: true }).selectOption('b1_presenza');
    await page.getByRole('application', { name: /^B1\. .* – Puglia$/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Risposta', { exact: true }).inputValue()).toBe('si');
    await page.getByText('Quota di Comuni che hanno scelto «Sì»', { exact: true }).waitFor();
    await page.getByLabel('Livello territoriale').selectOption({ label: 'Provincia' });
    expect(page.url()).toContain('level=provincia');
    const areas = page.getByRole('table', { name: /– Puglia: i dati della mappa$/ });
    await expect
      .poll(() => areas.getByRole('columnheader', { name: 'Provincia' }).count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => areas.locator('tbody tr').count()).toBe(6);
    // exact for ANCI: a share of each province, as an Italian percentage
    for (const cell of await areas.locator('tbody tr td:nth-child(2)').allTextContents())
      expect(cell).toMatch(/^\d{1,3}(,\d)?\s?%$/);
    expect(await areas.getByRole('rowheader', { name: 'Barletta-Andria-Trani' }).count()).toBe(1);
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

    // the map by Regione: persons rounded to 5; a Region with fewer than 3 Comuni answering, or
    // 1–9 persons, is hatched and said to be withheld, never drawn or written as zero
    await page.getByRole('application', { name: /^B3\. .* – Italia intera$/ }).waitFor({ timeout: 10_000 });
    await page.getByText('Somma dei minimi (persone)', { exact: true }).waitFor();
    const areas = page.getByRole('table', { name: /i dati della mappa$/ });
    await expect.poll(() => areas.locator('tbody tr').count(), { timeout: 10_000 }).toBe(20);
    const withheld = 'Dato non diffuso (tutela del segreto statistico)';
    const cells = await areas.locator('tbody tr td:nth-child(2)').allTextContents();
    for (const cell of cells) expect(cell).toMatch(/^(0|[1-9]\d{0,2}(\.\d{3})*|Dato non diffuso .*|Nessun dato)$/);
    for (const cell of cells.filter((c) => /^\d/.test(c))) expect(Number(cell.replaceAll('.', '')) % 5).toBe(0);
    const hidden = cells.filter((c) => c === withheld).length;
    // the demo's 2021 census has Regions with few answers: the control is exercised here
    expect(hidden).toBeGreaterThan(0);
    // each withheld Region's shape is hatched (the pattern), not a colour of the scale
    expect(await page.locator('[role="application"] path[data-code][fill^="url("]').count()).toBe(hidden);
    expect(
      await page
        .getByRole('list', { name: /^Legenda: Somma dei minimi/ })
        .getByText(withheld, { exact: true })
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'results of a range with its map (MLPS)');

    // the register of settlements, from the results: each with its Comune, persons controlled, no place names
    await page.getByRole('link', { name: 'Registro degli insediamenti' }).click();
    await page.waitForURL(/\/insediamenti$/);
    const register = page.getByRole('table', { name: /^Insediamenti: [\d.]+$/ });
    await register.waitFor({ timeout: 10_000 });
    expect(await register.getByRole('columnheader', { name: 'Località' }).count()).toBe(0);
    for (const cell of (await register.locator('tbody tr td:nth-child(6)').allTextContents()).slice(0, 10))
      expect(cell).toMatch(/^(—|(<10|\d{1,3}(\.\d{3})*)(–(<10|\d{1,3}(\.\d{3})*))?)( \(.+\))?$|^— \(non noto\)$/);
    await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Insediamento informale' });
    await expect.poll(() => page.url()).toContain('type=informale');
    await expectAccessible(page, 'the register of settlements (MLPS)');
  });

  it('ANCI/Cittalia: an export prepared with its progress, then downloaded with its size', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/risultati`);
    await settled(page, 'results with the export panel');
    const panel = page.getByRole('region', { name: 'Esporta le risposte' });
    await panel.getByLabel('Formato').selectOption('csv');
    await panel.getByLabel('Risposte a scelta').selectOption('labels');
    // in CSV a repeat's entries are a file of their own
    await panel.getByLabel('Contenuto').selectOption({ label: 'Le voci di «insediamenti»' });
    await panel.getByRole('button', { name: 'Prepara il file (CSV)' }).click();
    const link = panel.getByRole('link', { name: 'Scarica il file (CSV)' });
    await link.waitFor({ timeout: 30_000 });
    const ready = (await panel.getByText(/^Il file .* è pronto/).textContent()) ?? '';
    expect(ready).toMatch(
      /^Il file abitazioni-agroalimentare-[\d-]+-wide-labels-insediamenti\.csv è pronto \([\d.,]+ (kB|MB)\)\.$/,
    );
    await expectAccessible(page, 'the export panel with a prepared file');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = await readFile(await download.path());
    expect(download.suggestedFilename()).toMatch(/-insediamenti\.csv$/);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFistat;voce;')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(10);
  });

  it('ANCI/Cittalia: a question compared with the 2024 wave, by keyboard, with the warnings and the panel', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/risultati`);
    await settled(page, 'results before the comparison');
    await page.getByRole('link', { name: "Confronta con un'altra rilevazione" }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/confronto$/);
    await settled(page, 'the comparison page');
    // the other wave and the question, by their names, from the keyboard
    await page.getByLabel('Rilevazione da confrontare').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('other=');
    await page.getByLabel('Domanda', { exact: true }).focus();
    const option = page.locator('#compare-question option', { hasText: 'A3. Ruolo del rispondente' });
    const value = (await option.getAttribute('value'))!;
    await page.getByLabel('Domanda', { exact: true }).selectOption(value);
    const table = page.getByRole('table', {
      name: /^A3\. Ruolo del rispondente: le due rilevazioni a confronto, tutti/,
    });
    await expect.poll(() => table.count(), { timeout: 15_000 }).toBe(1);
    expect(await table.getByRole('rowheader', { name: 'Base: Comuni che hanno risposto' }).count()).toBe(1);
    expect(await table.getByRole('rowheader', { name: 'Assessore' }).count()).toBe(1);
    // the census and the 2024 survey are different surveys: said in words
    await page.getByText(/appartengono a indagini diverse/).waitFor();
    // the panel: an arrow key moves to the second radio button of the group
    await page.getByLabel('Tutti i Comuni che hanno risposto in ciascuna rilevazione').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('pop=panel');
    const panel = page.getByRole('table', { name: /solo i Comuni che hanno risposto a entrambe$/ });
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, 'the comparison with the 2024 wave, panel (ANCI)');
  });

  it('MLPS: the report, from the results, with its downloads and the response rate by Region', async () => {
    const page = await signedIn(env, 'mlps@demo.incas.local');
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/risultati`);
    await settled(page, 'results (MLPS), for the report');
    await page.getByRole('link', { name: 'Rapporto della rilevazione (PDF, Word, Excel)' }).click();
    await page.waitForURL(/\/rapporto$/);
    const byRegion = page.getByRole('table', { name: 'Tavola R1. Risposta per Regione' });
    await byRegion.waitFor({ timeout: 60_000 });
    expect(await byRegion.locator('tbody tr').count()).toBe(20);
    for (const name of ['1. Partecipazione', '2. Tavole principali', '3. Insediamenti'])
      expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    for (const [name, format] of [
      ['Scarica in PDF', 'pdf'],
      ['Scarica in Word (DOCX)', 'docx'],
      ['Scarica in Excel (XLSX)', 'xlsx'],
    ])
      expect(await page.getByRole('link', { name }).getAttribute('href')).toBe(
        `/api/v1/surveys/waves/${waveId}/report?format=${format}`,
      );
    await expectAccessible(page, 'the report (MLPS)');
  });
});
