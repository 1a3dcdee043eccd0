/**
 * The glossary (issue 9, "help texts and the glossary inside the app"): the operatore of Catania
 * opens it from the menu, searches as they type (accents do not matter), follows a term from the
 * case page and from the PAI page to its definition, and reads it in English; anyone reaches it
 * from the login page's footer. Axe on each state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

const OPERATORE = 'operatore.catania@demo.incas.local';

describe('the glossary', () => {
  it('is opened from the menu, filters as one types, and is reached from the case and PAI pages', async () => {
    const op = await signedIn(env, OPERATORE);
    op.setDefaultTimeout(20_000);

    // from the main menu
    await op
      .getByRole('navigation', { name: /menu principale/i })
      .getByRole('link', { name: 'Glossario' })
      .click();
    await op.waitForURL(/\/glossario$/);
    await op.getByRole('heading', { level: 1, name: 'Glossario' }).waitFor();
    await settled(op, 'glossary');
    const status = op.getByRole('status').filter({ hasText: /termini/ });
    await expect.poll(() => status.textContent()).toBe('72 termini');

    // "permesso": the permit terms stay, the others go, and the count says so
    const search = op.getByRole('searchbox', { name: 'Cerca un termine' });
    await search.fill('permesso');
    const terms = op.locator('dl.incas-glossary dt');
    await expect.poll(() => terms.filter({ hasText: 'Permesso art. 18-ter' }).count()).toBe(1);
    await expect.poll(() => terms.filter({ hasText: 'Permesso di soggiorno' }).count()).toBe(1);
    await expect.poll(() => terms.filter({ hasText: 'Pseudonimo' }).count()).toBe(0);
    await expect.poll(() => status.textContent()).toMatch(/^\d+ termini su 72$/);
    await expectAccessible(op, 'glossary, searching "permesso"');

    // without the accent, as typed on many keyboards
    await search.fill('modalita');
    await expect.poll(() => terms.filter({ hasText: 'Modalità di importazione' }).count()).toBe(1);
    await search.fill('zzz');
    await op.getByText('Nessun termine contiene «zzz».', { exact: false }).waitFor();
    await op.getByRole('button', { name: 'Mostra tutti i termini' }).click();
    await expect.poll(() => status.textContent()).toBe('72 termini');

    // from the case page: "Ammissione e PAI" explains its words, each a link to its definition
    const { rows } = await env.db.ownerQuery(
      `SELECT c.id::text AS case_id, p.id::text AS pai_id FROM pilot_cases c
         JOIN users u ON u.id = c.owner_user_id JOIN pilot_pais p ON p.case_id = c.id
        WHERE u.email = $1 ORDER BY c.opened_on DESC LIMIT 1`,
      [OPERATORE],
    );
    const found = rows[0] as { case_id: string; pai_id: string } | undefined;
    expect(found, 'a demo case of the operatore with a PAI').toBeDefined();
    await op.goto(`${env.baseUrl}/casi/${found?.case_id}?sezione=ammissione`);
    await op.getByRole('heading', { name: 'Ammissione e PAI' }).first().waitFor();
    const admission = op.getByRole('link', { name: 'Ammissione alle misure', exact: true });
    // the definition is the link's description, for screen readers
    const described = await admission.getAttribute('aria-describedby');
    await expect.poll(() => op.locator(`[id="${described}"]`).textContent()).toMatch(/art\. 6 del DL 145\/2024/);
    await settled(op, 'case page, Ammissione e PAI, with its terms');
    await admission.click();
    await op.waitForURL(/\/glossario#ammissione$/);
    // the focus lands on the term asked for, and the search is empty again
    await expect.poll(() => op.evaluate(() => document.activeElement?.id)).toBe('ammissione');
    await expect.poll(() => search.inputValue()).toBe('');

    // from the PAI page: "Cos'è?" beside its status
    await op.goto(`${env.baseUrl}/pai/${found?.pai_id}`);
    const whatIs = op.getByRole('link', { name: "Cos'è? (Stato del PAI)" }).first();
    await whatIs.click();
    await op.waitForURL(/\/glossario#stato-pai$/);
    await expect.poll(() => op.evaluate(() => document.activeElement?.id)).toBe('stato-pai');
    await expect.poll(() => op.locator('#stato-pai + dd').textContent()).toMatch(/^A che punto è il PAI/);
    await expectAccessible(op, 'glossary, at a term');

    // in English: the same page, the English words, the English search
    await op.getByRole('button', { name: /English/i }).click();
    await expect.poll(() => op.evaluate(() => document.documentElement.lang)).toBe('en');
    await op.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
    const searchEn = op.getByRole('searchbox', { name: 'Search for a term' });
    await searchEn.fill('residence permit');
    await expect.poll(() => terms.filter({ hasText: 'Residence permit (permesso di soggiorno)' }).count()).toBe(1);
    await expect.poll(() => terms.filter({ hasText: 'Pseudonym' }).count()).toBe(0);
    await expect
      .poll(() =>
        op
          .getByRole('status')
          .filter({ hasText: /terms? of 72$/ })
          .count(),
      )
      .toBe(1);
    await expectAccessible(op, 'glossary in English');
  }, 150_000);

  it('is linked from the login page footer, without signing in', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('footer').getByRole('link', { name: 'Glossario' }).click();
    await page.waitForURL(/\/glossario$/);
    await page.getByRole('heading', { level: 1, name: 'Glossario' }).waitFor();
    await page.getByRole('heading', { name: 'Termini che iniziano con P' }).waitFor();
    await settled(page, 'glossary, signed out');
  });
});
