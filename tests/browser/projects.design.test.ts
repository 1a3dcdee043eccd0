/**
 * Issue 12 item 2: a Comune designs a project and its budget; the caps are checked live as the
 * amounts are typed ("G1 Revisore: 7,4% dei costi diretti, massimo 7%") and again when it is
 * presented; MLPS approves the initial budget. Every page passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCall } from '../support/project-factories.js';
import { settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
  await makeCall(env.db);
});
afterAll(async () => env?.close());

describe('a Comune designs a project and MLPS approves its budget', () => {
  it('creates, plans, budgets within the caps, presents; MLPS approves', async () => {
    const page = await signedIn(env, 'referente.catania@demo.incas.local');
    await page.goto(`${env.baseUrl}/progetti`);
    await settled(page, 'projects list (Comune)');
    await page.getByRole('link', { name: 'Nuovo progetto' }).click();
    // past the list, whose filter is labelled "Avviso" too
    await page.waitForURL(/\/progetti\/nuovo$/);
    await settled(page, 'new project');
    await page.getByLabel('Avviso').selectOption({ label: 'Avviso di prova' });
    await page.getByLabel('Titolo').fill('Percorsi di inclusione a Catania');
    await page.getByLabel('CUP').fill('e12b25000099001');
    await page.getByLabel('Data di inizio').fill('2025-01-01');
    await page.getByLabel('Data di fine').fill('2026-12-31');
    await page.getByRole('button', { name: 'Crea il progetto' }).click();
    await page.waitForURL(/\/progetti\/[0-9a-f-]{36}$/).catch(async () => {
      throw new Error(
        `not created: ${(await page.locator('.alert, .invalid-feedback').allTextContents()).join(' | ')}`,
      );
    });
    await page.getByRole('heading', { name: 'Percorsi di inclusione a Catania', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('E12B25000099001').count()).toBe(1);

    // the logical framework and an activity
    await page.locator('#logframe-code').fill('OG');
    await page.locator('#logframe-text').fill("Favorire l'inclusione socio-lavorativa");
    await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect.poll(() => page.getByText("Favorire l'inclusione socio-lavorativa").count()).toBe(1);
    await page.locator('#activity-code').fill('1');
    await page.locator('#activity-title').fill('Orientamento al lavoro');
    await page.locator('#activity-end').fill('2025-12-31');
    await page.getByRole('button', { name: "Aggiungi l'attività" }).click();
    await page.getByTestId('gantt').waitFor();
    await page.locator('#indicator-code').selectOption('O.2.3.3');
    await page.locator('label[for="indicator-dis-sex"]').click();
    await page.locator('#indicator-target-value-0').fill('100');
    await page.getByRole('button', { name: "Aggiungi l'indicatore" }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'O.2.3.3', exact: true }).count()).toBe(1);
    await settled(page, 'project page with logframe, Gantt and indicators');
    const projectUrl = page.url();

    // the budget: G1 at 7,4% of the direct costs, said live
    await page.getByRole('link', { name: 'Budget' }).click();
    await page.getByRole('button', { name: 'Aggiungi una riga' }).waitFor();
    const lines: [string, string, string][] = [
      ['A2', 'Mediatori culturali', '100.000'],
      ['G1', 'Revisore indipendente', '7.400'],
      ['IND', 'Costi indiretti', '7.000,00'],
    ];
    for (const [i, [category, description, amount]] of lines.entries()) {
      await page.getByRole('button', { name: 'Aggiungi una riga' }).click();
      await page.locator(`#line-${i}-category`).selectOption(category);
      await page.locator(`#line-${i}-description`).fill(description);
      await page.locator(`#line-${i}-amount`).fill(amount);
    }
    await expect.poll(() => page.getByText('G1 Revisore: 7,4% dei costi diretti, massimo 7%').count()).toBe(1);
    await expect.poll(() => page.getByText('= 100.000,00 €').count()).toBe(1);
    await settled(page, 'budget editor with a broken cap');
    await page.getByRole('button', { name: 'Salva il budget' }).click();
    await page.getByText('Budget salvato.').waitFor();

    // presenting is refused with the same message
    await page.goto(projectUrl);
    await page.getByRole('button', { name: 'Presenta al Ministero' }).click();
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'G1 Revisore: 7,4% dei costi diretti, massimo 7%' }).count(),
      )
      .toBe(1);

    // within the cap it is presented
    await page.getByRole('link', { name: 'Budget' }).click();
    await page.locator('#line-1-amount').fill('7.000');
    await expect.poll(() => page.getByText('G1 Revisore: 7% dei costi diretti, massimo 7%').count()).toBe(1);
    await page.getByRole('button', { name: 'Salva il budget' }).click();
    await page.getByText('Budget salvato.').waitFor();
    await page.goto(projectUrl);
    await page.getByRole('button', { name: 'Presenta al Ministero' }).click();
    await page.getByText('Il progetto ora è: Presentato al Ministero.').waitFor();

    // MLPS approves the initial budget
    const mlps = await signedIn(env, 'mlps@demo.incas.local');
    await mlps.goto(`${projectUrl}/budget`);
    await mlps.getByRole('heading', { name: 'Decisione del Ministero' }).waitFor();
    await settled(mlps, 'budget page, MLPS deciding');
    await mlps.getByLabel('Nota').fill('Conforme all’avviso');
    await mlps.getByRole('button', { name: 'Approva' }).click();
    await expect.poll(() => mlps.getByText('in vigore', { exact: true }).count()).toBe(1);
    await mlps.goto(projectUrl);
    await expect.poll(() => mlps.getByText('Approvato', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => mlps.getByText('114.000,00 €').count()).toBeGreaterThan(0);
  });
});
