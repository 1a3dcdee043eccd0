/**
 * The public site (issue 14 item 5) in Chromium with axe: a visitor with no login opens "/", finds
 * the next events read live from the API, switches to English (the words, `<html lang>` and the
 * address change), follows the menu to the events and to the open data; a link carrying
 * `?lang=en` opens in English in a fresh browser. Every page is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

interface PublicEvents {
  items: { title: string; registration: { closedReason: string | null } }[];
}

const description = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[name="description"]')?.getAttribute('content'));

describe('the public site', () => {
  it('a visitor reads the home with the next events, switches to English and follows the menu', async () => {
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    const listed = (await (
      await page.request.get(`${env.baseUrl}/api/v1/public/events?pageSize=3`)
    ).json()) as PublicEvents;
    const next = listed.items.filter((e) => e.registration.closedReason !== 'CONCLUSO');
    expect(next.length, 'the demo has events to come').toBeGreaterThan(0);

    await page.goto(`${env.baseUrl}/`);
    await page.getByRole('heading', { name: 'InCaS plus', level: 1 }).waitFor();
    const events = page.getByRole('region', { name: 'Prossimi eventi' });
    for (const e of next) await events.getByRole('link', { name: e.title }).waitFor();
    await page.getByRole('link', { name: 'Accedi all’area riservata' }).first().waitFor();
    expect(await page.title()).toBe('InCaS plus – Inclusione e contrasto allo sfruttamento lavorativo');
    expect(await description(page)).toMatch(/^InCaS plus: eventi, buone pratiche/);
    await settled(page, 'the public home');

    await page.getByRole('button', { name: 'English EN' }).click();
    await page.getByRole('heading', { name: 'Upcoming events' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.title()).toBe('InCaS plus – Inclusion and action against labour exploitation');
    await page.getByRole('link', { name: 'Log in to the reserved area' }).first().waitFor();
    await settled(page, 'the public home in English');

    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await menu.getByRole('link', { name: 'Events', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/eventi');
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Coming up' }).waitFor();
    expect(await page.title()).toBe('Events – InCaS');
    expect(await description(page)).toMatch(/^The territorial workshops, webinars/);
    await settled(page, 'the events in English');

    await menu.getByRole('link', { name: 'Open data', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/dati-aperti');
    await page.getByRole('heading', { name: 'Open data', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await settled(page, 'the open data in English');

    // back to Italian: the address drops the parameter
    await page.getByRole('button', { name: 'Italiano IT' }).click();
    await page.getByRole('heading', { name: 'Dati aperti', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');
    expect(new URL(page.url()).search).toBe('');
  });

  it('a shared link with ?lang=en opens in English in a new browser', async () => {
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/eventi?lang=en&kind=WEBINAR`);
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // the filter came with the link too
    await expect.poll(() => page.getByLabel('Kind of event').inputValue()).toBe('WEBINAR');
    await settled(page, 'a shared link to the events in English');
  });
});
