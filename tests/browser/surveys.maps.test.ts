/**
 * The map of the fieldwork on a wave's page (decision 0039), in Chromium with axe: the 2024 demo
 * survey's open wave (Comuni above 15,000 inhabitants) drawn over every Comune of Italy, one tab
 * stop moved with the arrows that announces the focused Comune and its state, the zoom to a Region,
 * and the SVG and PNG downloads.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_CODE } from '../../server/modules/surveys/demo/seed.js';
import { expectAccessible, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let waveId: string;

beforeAll(async () => {
  env = await startBrowserEnv({ surveys: true });
  const [w] = await env.db.ownerTx((tx) =>
    tx.query<{ id: string }>(
      `SELECT w.id FROM survey_waves w JOIN survey_surveys s ON s.id = w.survey_id WHERE s.code = $1`,
      [SURVEY_CODE],
    ),
  );
  waveId = w!.id;
  // a Comune born of a merger after June 2023 (no polygon in the boundaries) in the universe
  await env.db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, status_changed_at)
       VALUES (gen_random_uuid(), $1, '005122', 'invitato', now(), now())`,
      [waveId],
    ),
  );
});
afterAll(async () => env?.close());

async function downloaded(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile(await download.path());
}

describe('the status map of a wave', () => {
  it('draws every Comune, moves with the keyboard, zooms to a Region and downloads as SVG and PNG', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await page.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}`);
    const map = page.getByRole('application', { name: /Italia intera/ });
    await map.waitFor({ timeout: 20_000 });
    const figure = page.locator('figure.choropleth');
    await expect.poll(() => figure.getAttribute('data-first-render-ms'), { timeout: 20_000 }).not.toBeNull();
    const paths = await map.locator('path[data-code]').count();
    const firstRender = Number(await figure.getAttribute('data-first-render-ms'));
    console.log(`status map: ${paths} Comuni drawn, first render ${firstRender} ms after the map mounted`);
    expect(paths).toBeGreaterThan(7_800);
    // a blow-up guard only (speed is measured in bench/): the whole of Italy stays usable
    expect(firstRender).toBeLessThan(15_000);
    // not silently dropped: listed as not mapped, with its state
    await page.getByRole('heading', { name: '1 Comune non cartografato' }).waitFor();
    await page.getByText('Moransengo-Tonengo (005122): Invitato').waitFor();
    await expectAccessible(page, 'the wave page with its status map');

    // one tab stop: from the last download button, Tab lands on the map; the arrows move inside it
    await page.getByRole('button', { name: 'Scarica la mappa (PNG)' }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('application');
    await page.keyboard.press('ArrowRight');
    const status = page.locator('[role="status"][aria-live="polite"]').filter({ hasText: /: / });
    await expect
      .poll(() => status.textContent())
      .toMatch(
        /^.+: (Fuori dall'universo|Invitato|Sollecitato|Aperto.*|In compilazione|Inviato|In validazione|Validato|Consolidato|Da ricontattare)$/,
      );
    const first = await status.textContent();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => status.textContent()).not.toBe(first);
    await expect(page.getByTestId('map-tooltip').textContent()).resolves.toBe(await status.textContent());

    // zoom to a Region with the select: Lazio's Comuni at full detail
    await page.getByLabel('Mostra').selectOption({ label: 'Lazio' });
    await page.getByRole('application', { name: /Lazio/ }).waitFor();
    const lazio = await page.locator('[role="application"] path[data-code]').count();
    expect(lazio).toBeGreaterThan(350);
    expect(lazio).toBeLessThan(400);
    await expect(page.getByRole('table', { name: /Lazio/ }).getByRole('row').count()).resolves.toBeGreaterThan(1);

    const svg = (await downloaded(page, 'Scarica la mappa (SVG)')).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('CC BY 4.0');
    const png = await downloaded(page, 'Scarica la mappa (PNG)');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
