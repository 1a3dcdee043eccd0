/**
 * The coverage of the Piano triennale in Chromium with axe (issue 13 item 2): ANCI/Cittalia opens
 * "Copertura del Piano" from the menu, reads the matrix (Comuni × priority actions under their
 * axes, counts with words for screen readers), sees the map of the Comuni with a plan and the
 * uncovered priority actions, filters by Region; the Regione Piemonte sees only its own Comuni.
 * The plans are the test's own (written with the plan factories), beside any demo plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan, makePlanComune, type TestPlan } from '../support/plan-factories.js';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
let piemonte1: TestPlan;
let piemonte2: TestPlan;
let calabria: TestPlan;
const names = new Map<string, string>();

beforeAll(async () => {
  env = await startBrowserEnv();
  piemonte1 = await makePlan(env.db, {
    comune: await makePlanComune(env.db, { regionCode: '01' }),
    status: 'ADOTTATO',
    priorityActions: [1, 5, 8, 9],
  });
  piemonte2 = await makePlan(env.db, { comune: await makePlanComune(env.db, { regionCode: '01' }) });
  calabria = await makePlan(env.db, {
    comune: await makePlanComune(env.db, { regionCode: '18' }),
    status: 'IN_ATTUAZIONE',
    priorityActions: [2, 10],
  });
  for (const p of [piemonte1, piemonte2, calabria]) {
    const [c] = await env.db.ownerTx((tx) =>
      tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [p.comune.istat]),
    );
    names.set(p.id, c!.name);
  }
});
afterAll(async () => env?.close());

const rowHeader = (name: string) => ({ name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) });

describe('Copertura del Piano', () => {
  it('ANCI/Cittalia reads the matrix, the map and the uncovered priority actions, and filters by Region', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.getByRole('link', { name: 'Copertura del Piano' }).first().click();
    await page.waitForURL(/\/piani\/copertura$/);
    const matrix = page.getByRole('table', { name: /Azioni dei piani per Comune/ });
    await matrix.waitFor();
    const row = matrix
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', rowHeader(names.get(piemonte1.id)!)) });
    expect(await row.textContent()).toContain('Adottato');
    expect(await row.textContent()).toContain('1 azione: Programmata 1');
    expect(await matrix.getByRole('columnheader', { name: 'Asse: Prevenzione' }).count()).toBe(1);
    expect(await matrix.getByRole('columnheader', { name: '5. Soluzioni alloggiative dignitose' }).count()).toBe(1);
    await page.getByRole('application').first().waitFor();
    await page.getByRole('heading', { name: 'Azioni prioritarie non coperte per Regione' }).waitFor();
    await page.getByRole('heading', { name: /^Piemonte — \d+ Comun/ }).waitFor();
    await settled(page, 'the coverage page (national)');

    await page.getByLabel('Regione', { exact: true }).selectOption({ label: 'Calabria' });
    await page.waitForURL(/region=18/);
    await matrix.getByRole('rowheader', rowHeader(names.get(calabria.id)!)).waitFor();
    // the previous answer stays on screen until the filtered one arrives
    await matrix.getByRole('rowheader', rowHeader(names.get(piemonte1.id)!)).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: /^Piemonte — / }).waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: /^Calabria — \d+ Comun/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Scarica la matrice (XLSX)' }).getAttribute('href')).toBe(
      '/api/v1/plans-coverage.xlsx?region=18',
    );
    await settled(page, 'the coverage page filtered by Region');
  });

  it('the Regione Piemonte sees only its own Comuni', async () => {
    const page = await signedIn(env, 'regione.piemonte@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/piani/copertura`);
    const matrix = page.getByRole('table', { name: /Azioni dei piani per Comune/ });
    await matrix.getByRole('rowheader', rowHeader(names.get(piemonte1.id)!)).waitFor();
    await matrix.getByRole('rowheader', rowHeader(names.get(piemonte2.id)!)).waitFor();
    expect(await matrix.getByRole('rowheader', rowHeader(names.get(calabria.id)!)).count()).toBe(0);
    // no Region to choose: the Regione's reach is its own
    expect(await page.getByLabel('Regione', { exact: true }).count()).toBe(0);
    const headings = await page.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.filter((h) => / — \d+ Comun/.test(h)).every((h) => h.startsWith('Piemonte'))).toBe(true);
    await page.getByRole('application').first().waitFor();
    await settled(page, 'the coverage page (Regione)');
  });
});
