/**
 * Words, not codes: the operatore registers a beneficiary choosing the citizenship by name
 * ("Ind" → India), sees it in words on the case page, then switches to English and reads the
 * eligibility explained in English.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, daysAgo, expectAccessible, settled, signedIn, startBrowserEnv } from './support.js';

/** Chooses a match of a picker as a person does: a click on its label (Bootstrap Italia draws the radio there). */
async function choose(page: Page, name: string) {
  const id = await page.getByRole('radio', { name, exact: true }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('countries and languages by name, and the English switch', () => {
  it('chooses India from "Ind", shows it in words, and explains eligibility in English', async () => {
    const op = await signedIn(env, 'operatore.catania@demo.incas.local');
    op.setDefaultTimeout(20_000);
    await op.goto(env.baseUrl + '/casi/nuovo');
    await settled(op, '/casi/nuovo');
    await op.getByLabel('Cognome', { exact: true }).fill('Parolini');
    await op.getByLabel('Nomi', { exact: true }).fill('Demo Parole');
    await op.getByLabel('Data di nascita', { exact: true }).fill('1991-02-03');
    await op.getByLabel('Sesso', { exact: true }).selectOption('M');

    // typing "Ind" offers India and Indonesia, as words; accents do not matter
    await op.getByLabel('Cittadinanze', { exact: true }).fill('Ind');
    const india = op.getByRole('radio', { name: 'India', exact: true });
    await india.waitFor();
    expect(await op.getByRole('radio', { name: 'Indonesia', exact: true }).count()).toBe(1);
    await expect.poll(() => op.getByRole('status').filter({ hasText: 'risultat' }).count()).toBeGreaterThan(0);
    await expectAccessible(op, 'citizenship picker with results');
    await choose(op, 'India');
    await expect.poll(() => op.getByRole('button', { name: 'Togli India' }).count()).toBe(1);
    // the focus is back in the search, ready for another citizenship
    await expect.poll(() => op.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

    await op.getByLabel('Paese di nascita', { exact: true }).fill('perù');
    await choose(op, 'Perù');
    await op.getByLabel('Lingue parlate (facoltativo)').fill('punj');
    await choose(op, 'Punjabi');

    await op.getByLabel('Data di presa in carico').fill(daysAgo(3));
    await op.getByRole('button', { name: 'Registra e apri il caso' }).click();
    await op.waitForURL(/\/casi\/[0-9a-f-]{36}$/);
    await op.getByRole('heading', { name: 'Nucleo familiare' }).waitFor();
    await settled(op, 'case detail');
    const household = op.locator('section[aria-labelledby="household-title"]');
    await expect.poll(() => household.getByText('Cittadinanza: India').count()).toBe(1);
    await expect.poll(() => household.getByText('Lingue: Punjabi').count()).toBe(1);
    await expect.poll(() => op.getByText('Perù', { exact: true }).count()).toBe(1);
    await expect.poll(() => household.getByText(/Non ammissibile perché/).count()).toBe(1);

    // the English switch: the explanation and its law references follow the UI language
    await op
      .getByRole('button', { name: /English/i })
      .or(op.getByRole('link', { name: /English/i }))
      .first()
      .click();
    await expect.poll(() => op.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect
      .poll(() => household.getByText(/Not eligible because no residence permit is recorded/).count())
      .toBe(1);
    await expect.poll(() => household.getByText(/Legislative Decree 286\/1998/).count()).toBe(1);
    await expect.poll(() => household.getByText(/perché/).count()).toBe(0);
    await expect.poll(() => household.getByText('Citizenship: India').count()).toBe(1);
    await expectAccessible(op, 'case detail (English)');
  }, 180_000);
});
