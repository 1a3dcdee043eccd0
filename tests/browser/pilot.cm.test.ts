/**
 * Who holds what, as the referente of Catania sees it (issue 9, points 1 and 5): the open cases per
 * case manager, the holders' names beside the pseudonyms, a search by part of a surname, the list
 * filtered by permit expiry and case manager (kept in the URL), and a case given to another
 * operatore from the case page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('case managers and search by name in Catania', () => {
  it('shows who holds what, finds a holder by part of the surname, filters, and reassigns a case', async () => {
    const ref = await signedIn(env, 'referente.catania@demo.incas.local');
    await ref.goto(env.baseUrl + '/casi');
    await expect.poll(() => ref.locator('h1').textContent()).toContain('Casi del pilota 18-ter');

    // the open cases per case manager
    await ref.getByText('Casi per responsabile', { exact: true }).click();
    const load = ref.getByRole('table', { name: /Casi aperti e chiusi di ciascun responsabile/ });
    await expect.poll(() => load.locator('tbody tr').count()).toBeGreaterThan(0);
    await settled(ref, '/casi with the load per case manager');

    // the holder's name beside the pseudonym; part of the surname finds the case
    const results = ref.getByRole('table', { name: /Casi trovati/ });
    const first = results.locator('tbody tr').first();
    const pseudonym = (await first.locator('th').textContent())!.trim();
    const name = (await first.locator('td').first().textContent())!.trim();
    const word = name.split(/\s+/).find((w) => /^\p{L}{4,}$/u.test(w));
    expect(word, name).toBeDefined();
    const part = word!.slice(0, 4).toLowerCase();
    await ref.getByLabel('Cerca caso').fill(part);
    await ref.getByLabel('Cerca caso').press('Enter');
    await expect.poll(() => ref.url()).toContain(`q=${encodeURIComponent(part)}`);
    await expect.poll(() => results.locator('tbody tr th').allTextContents()).toContain(pseudonym);
    // too short: said on the field, nothing asked of the server
    await ref.getByLabel('Cerca caso').fill('ab');
    await expect.poll(() => ref.getByText('Scrivi almeno 3 caratteri per cercare.').count()).toBe(1);

    // filters kept in the URL
    await ref.goto(env.baseUrl + '/casi');
    await ref.getByLabel('Scadenza del permesso').selectOption({ label: 'Entro 90 giorni' });
    await expect.poll(() => ref.url()).toContain('permitExpiry=within_90');
    await ref.getByLabel('Responsabile del caso').selectOption({ index: 1 });
    await expect.poll(() => ref.url()).toMatch(/ownerUserId=[0-9a-f-]{36}/);
    await settled(ref, '/casi filtered by permit expiry and case manager');

    // a case given to another case manager from its page
    await ref.goto(env.baseUrl + '/casi?status=aperto');
    await results.locator('tbody tr th a').first().click();
    const section = ref.getByRole('region', { name: 'Responsabile del caso' });
    await section.waitFor();
    const before = await section.locator('p').first().textContent();
    await section.getByLabel('Affida il caso a').selectOption({ index: 1 });
    await section.getByRole('button', { name: 'Cambia responsabile' }).click();
    await expect.poll(() => ref.getByText(/^Caso affidato a /).count()).toBeGreaterThan(0);
    await expect.poll(() => section.locator('p').first().textContent()).not.toBe(before);
    // the change is in the case's timeline (its own section of the page)
    await ref.goto(ref.url().split('?')[0] + '?sezione=cronologia');
    await expect.poll(() => ref.getByText('Cambio di responsabile del caso').count()).toBeGreaterThan(0);
    await settled(ref, 'case page after a reassignment');
  });
});
