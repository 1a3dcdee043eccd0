/**
 * Browser test support: the application (server and built web client) on a fresh database with
 * the demo data, Chromium driven by playwright-core (found like the PDF renderer finds it:
 * CHROMIUM_PATH, Debian's, or the one shipped on npm), and axe-core for WCAG 2.1 AA.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Database } from '../../server/platform/db/db.js';
import { launchChromium } from '../../server/platform/browser.js';
import { projectRoot } from '../../server/platform/paths.js';
import { closePdfRenderer } from '../../server/platform/pdf.js';
import { DEMO_PASSWORD } from '../support/demo-password.js';
import { openTestDb, TEST_DATA_KEY } from '../support/harness.js';

export { DEMO_PASSWORD };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserEnv {
  baseUrl: string;
  browser: Browser;
  db: Database;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The application on a private copy of the run's demo database (seeded once, in
 * browser-global-setup.ts): the pilot's demo, and with `surveys` the surveys' demo over it.
 */
export async function startBrowserEnv(opts: { surveys?: boolean } = {}): Promise<BrowserEnv> {
  if (!existsSync(join(projectRoot(), 'dist', 'web', 'index.html'))) {
    throw new Error('The web client is not built: run "npm run build:web" first.');
  }
  const db = await openTestDb(inject(opts.surveys ? 'surveysDemoTemplate' : 'demoTemplate'));
  const config = loadConfig({
    NODE_ENV: 'test',
    INCAS_DEMO: 'true',
    LOG_LEVEL: 'silent',
    INCAS_DATA_KEY: TEST_DATA_KEY,
    INCAS_RATE_LIMIT: '100000',
    INCAS_LOGIN_RATE_LIMIT: '1000',
  });
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await launchChromium();
  const errors: string[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    db,
    async newPage() {
      const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      // the browser may load nothing but our own origin (no CDN, no trackers)
      await context.route(
        (url) => !url.href.startsWith(`http://127.0.0.1:${port}`) && !url.href.startsWith('data:'),
        (route) => {
          errors.push(`external request blocked: ${route.request().url()}`);
          return route.abort();
        },
      );
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      await closePdfRenderer();
      expect(errors, 'page errors or external requests').toEqual([]);
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page: no serious or critical violation may remain. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // a button fading back from its disabled look, a dialog fading out: axe would measure the colours
  // half-way (on the PostgreSQL server the pages answer sooner and it met a primary button in
  // mid-transition); finite transitions and animations end first, within two seconds
  await page.evaluate(async () => {
    const ending = document
      .getAnimations()
      .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished);
    await Promise.race([Promise.allSettled(ending), new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  });
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe, `axe on ${where}: ${JSON.stringify(severe, null, 1)}`).toEqual([]);
}

export async function logIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/** A calendar date (UTC) `n` days before now, as the forms want it. */
export function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** A new page logged in as the demo account `email`, past the login page. */
export async function signedIn(env: BrowserEnv, email: string): Promise<Page> {
  const page = await env.newPage();
  await logIn(page, env.baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('h1').first().waitFor();
  return page;
}

/** Waits for the page's heading and its requests to settle, then runs axe on it. */
export async function settled(page: Page, where: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, where);
}
