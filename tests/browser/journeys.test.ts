import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';
import { expectAccessible, logIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('a new operatore in Catania', () => {
  it('logs in, finds Cefalù by typing "cefalu", opens it, switches to English and logs out', async () => {
    const page = await env.newPage();
    await page.goto(env.baseUrl + '/');
    // "/" is the public site's home: the way in is its "Accedi" link
    await page.getByRole('link', { name: 'Accedi all’area riservata' }).first().click();
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    await expectAccessible(page, 'login');
    await expect.poll(() => page.getByText('demo-incas-2026').count()).toBeGreaterThan(0);

    await logIn(page, env.baseUrl, 'operatore.catania@demo.incas.local');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.getByText('Catania').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home');

    await page.goto(env.baseUrl + '/comuni');
    const search = page.getByLabel('Cerca comune');
    await search.fill('cefalu');
    const link = page.getByRole('link', { name: 'Cefalù', exact: true });
    await link.waitFor();
    await expectAccessible(page, 'comuni search');
    await link.click();
    await page.waitForURL(/\/comuni\/082027/);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Cefalù');
    await expect.poll(() => page.getByText('C421').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'comune detail');

    await page
      .getByRole('button', { name: /English/i })
      .or(page.getByRole('link', { name: /English/i }))
      .first()
      .click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByRole('button', { name: 'Log out' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'comune detail (English)');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    // the server ended the session: the API refuses the old cookie
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
  });
});

describe('an account with a second factor', () => {
  it('logs in with the TOTP step', async () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const u = await makeUser(env.db, { roles: ['referente_comunale'], totpSecret: secret, isDemo: false });
    const page = await env.newPage();
    await logIn(page, env.baseUrl, u.email, TEST_PASSWORD);
    const code = page.getByLabel('Codice di verifica');
    await code.waitFor();
    await expectAccessible(page, 'login, TOTP step');
    await code.fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const me = await page.evaluate(
      async () => (await (await fetch('/api/v1/me')).json()) as { user: { email: string } },
    );
    expect(me.user.email).toBe(u.email);
  });
});

describe('the platform administrator', () => {
  it('reaches every administration page, each accessible', async () => {
    const page = await env.newPage();
    await logIn(page, env.baseUrl, 'admin@demo.incas.local');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    for (const path of [
      '/',
      '/utenti',
      '/organizzazioni',
      '/audit',
      '/profilo',
      '/comuni?q=roma',
      '/accessibilita',
      '/privacy',
      '/note-legali',
    ]) {
      await page.goto(env.baseUrl + path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
    }
    // a user's detail and an organisation's detail, reached by clicking as a person would
    // (searched: the demo accounts are more than a page)
    await page.goto(env.baseUrl + '/utenti?q=operatore.catania');
    await page
      .getByRole('link', { name: /operatore\.catania/ })
      .first()
      .click();
    await page.waitForURL(/\/utenti\/[0-9a-f-]{36}/);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'user detail');
    await page.goto(env.baseUrl + '/organizzazioni?q=Catania');
    await page
      .getByRole('link', { name: /Comune di Catania/ })
      .first()
      .click();
    await page.waitForURL(/\/organizzazioni\/[0-9a-f-]{36}/);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'organisation detail');
  });
});
