/**
 * Issue 12 item 8 in Chromium with axe: the responsabile amministrativo of a Comune opens
 * "Cruscotto progetti" from the menu and reads its project's spending, deadlines and critical
 * issues in words; MLPS reads the national view (chart and tables by Region), filters it by status
 * and finds the XLSX download with the same filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { makeProject, type TestProject } from '../support/project-factories.js';
import { makeExpense, makeQuery } from '../support/dashboard-factories.js';
import { logIn, settled, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let project: TestProject;
let amministrativo: TestUser;
let mlps: TestUser;

beforeAll(async () => {
  env = await startBrowserEnv();
  const org = await makeOrg(env.db, { type: 'comune' });
  project = await makeProject(env.db, { org, title: 'Cruscotto: accoglienza diffusa', endDate: '2030-12-31' });
  await makeExpense(env.db, project, { chargedCents: 1_234_50, warnings: ['quietanza_mancante'] });
  await makeQuery(env.db, project, { dueOn: '2025-01-15', subject: 'Chiarimento sulla riga A2' });
  amministrativo = await makeUser(env.db, { roles: ['responsabile_amministrativo'], org });
  mlps = await makeUser(env.db, { roles: ['mlps'] });
});
afterAll(async () => env?.close());

async function pageOf(u: TestUser) {
  const page = await env.newPage();
  await logIn(page, env.baseUrl, u.email, TEST_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

describe('Cruscotto progetti', () => {
  it('the Comune’s responsabile amministrativo reads its project’s spending, deadlines and issues', async () => {
    const page = await pageOf(amministrativo);
    await page.getByRole('link', { name: 'Cruscotto progetti' }).first().click();
    await page.waitForURL(/\/progetti\/cruscotto$/);
    const card = page.getByRole('region', { name: 'Cruscotto: accoglienza diffusa' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByRole('link', { name: 'Cruscotto: accoglienza diffusa' }).getAttribute('href')).toBe(
      `/progetti/${project.id}`,
    );
    expect(await card.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('1,08%');
    expect(await card.textContent()).toContain('1.234,50 €');
    expect(await card.textContent()).toContain('114.000,00 €');
    expect(await card.textContent()).toContain('Quietanza di pagamento mancante: 1 spesa (1.234,50 €)');
    expect(await card.textContent()).toContain(
      'Richiesta di chiarimento «Chiarimento sulla riga A2»: risposta entro il 15/01/2025',
    );
    await settled(page, 'the Comune’s projects dashboard');
  });

  it('MLPS reads the national view, filters it and finds the XLSX with the same filters', async () => {
    const page = await pageOf(mlps);
    await page.goto(`${env.baseUrl}/progetti/cruscotto`);
    await page.getByRole('heading', { name: 'Per Regione' }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('img', { name: 'Spesa rispetto al piano per Regione' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Per Regione' }).count()).toBe(1);
    const row = page.getByRole('row', { name: /Cruscotto: accoglienza diffusa/ });
    expect(await row.textContent()).toContain('1.234,50 €');
    await settled(page, 'the national projects dashboard');
    await page.getByLabel('Stato del progetto').selectOption('IN_CORSO');
    await page.waitForURL(/status=IN_CORSO/);
    await expect
      .poll(() => page.getByRole('link', { name: 'Scarica in Excel (XLSX)' }).getAttribute('href'))
      .toBe('/api/v1/project-dashboards/national.xlsx?status=IN_CORSO');
    await settled(page, 'the national projects dashboard, filtered');
  });
});
