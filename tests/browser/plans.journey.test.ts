/**
 * Issue 13 as one continuous journey, in Chromium with axe on every page, on the demo accounts:
 * the referente of Genova (a Comune with no plan) starts a plan, walks it to the draft, adds actions
 * on three axes with the pickers (prevention, supervision and enforcement, reintegration), records
 * the Giunta's resolution with its PDF and adopts the plan; then ANCI/Cittalia finds Genova in the
 * national coverage matrix as adopted, with its actions under the right priority actions, and on
 * the map; the Regione Liguria's neighbour, the Regione Piemonte, does not see it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

const REFERENTE = 'referente.genova@demo.incas.local';
const ANCI = 'assistenza.anci@demo.incas.local';
const PIEMONTE = 'regione.piemonte@demo.incas.local';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

async function addAction(
  page: Page,
  a: { code: string; title: string; priority: string; axis: string; budget: string },
) {
  await page.getByRole('button', { name: 'Nuova azione' }).click();
  await page.getByLabel('Codice').fill(a.code);
  await page.getByLabel('Titolo', { exact: true }).fill(a.title);
  await page.getByLabel('Azione prioritaria del Piano triennale').selectOption({ label: a.priority });
  await expect.poll(() => page.getByLabel('Asse').inputValue()).toBe(a.axis);
  await page.getByLabel('Budget in euro (facoltativo)').fill(a.budget);
  await page.getByRole('button', { name: "Salva l'azione" }).click();
  await page.getByRole('heading', { name: `${a.code} — ${a.title}` }).waitFor();
}

describe('issue 13: a plan from the draft to the national coverage', () => {
  it('a referente drafts and adopts a plan with actions on three axes; ANCI finds it in the matrix and on the map', async () => {
    // ── the referente of Genova starts a plan and brings it to the draft ──
    const page = await signedIn(env, REFERENTE);
    page.setDefaultTimeout(20_000);
    await page.getByRole('link', { name: 'Piani locali' }).first().click();
    await settled(page, 'the list of plans of a Comune without one');
    await page.getByRole('link', { name: 'Nuovo piano' }).click();
    await page.getByRole('heading', { name: 'Nuovo piano locale' }).waitFor();
    await settled(page, 'a new plan');
    await page.getByLabel('Titolo').fill('Piano locale multisettoriale di Genova (demo)');
    await page.getByLabel('Primo anno').fill('2026');
    await page.getByLabel('Ultimo anno').fill('2028');
    await page.getByRole('button', { name: 'Avvia il piano' }).click();
    await page
      .getByRole('heading', { name: 'Fasi del piano' })
      .waitFor()
      .catch(async (e: unknown) => {
        throw new Error(`no plan: ${await page.locator('main').innerText()}`, { cause: e });
      });
    for (const step of ['Analisi di contesto', 'Tavoli tematici', 'Bozza']) {
      await page.getByRole('button', { name: `Passa a: ${step}` }).click();
      await page.getByRole('button', { name: 'Conferma' }).click();
      await page.getByText(`Il piano è passato a «${step}».`).waitFor();
    }
    const planUrl = page.url();

    // ── actions on three axes ──
    await page.getByRole('navigation', { name: 'Sezioni del piano' }).getByRole('link', { name: 'Azioni' }).click();
    await page.getByRole('heading', { name: 'Azioni del piano' }).waitFor();
    await addAction(page, {
      code: 'A1',
      title: 'Campagna informativa nei mercati ortofrutticoli',
      priority: '7. Campagne di informazione e sensibilizzazione',
      axis: 'PREVENZIONE',
      budget: '8.000',
    });
    await addAction(page, {
      code: 'A2',
      title: 'Controlli congiunti con l’Ispettorato del lavoro',
      priority: '8. Vigilanza e contrasto',
      axis: 'VIGILANZA_CONTRASTO',
      budget: '2.500,00',
    });
    await addAction(page, {
      code: 'A3',
      title: 'Tirocini per le vittime di sfruttamento',
      priority: '10. Reintegrazione socio-lavorativa delle vittime',
      axis: 'REINTEGRAZIONE',
      budget: '15.000,50',
    });
    const total = page
      .getByRole('table', { name: /Numero di azioni del piano per azione prioritaria/ })
      .getByRole('row', { name: /^Totale/ });
    expect((await total.innerText()).replace(/\u00a0/g, ' ')).toContain('25.500,50 €');
    await settled(page, 'the actions of the new plan');

    // ── the Giunta's resolution, then the adoption ──
    await page.goto(planUrl);
    await page.getByRole('heading', { name: 'Fasi del piano' }).waitFor();
    await page.getByLabel('Organo che ha adottato il piano').selectOption({ label: 'Giunta comunale' });
    await page.getByLabel('Numero della delibera').fill('112');
    await page.getByLabel('Data della delibera').fill('2026-11-20');
    await page.getByRole('button', { name: "Registra l'atto" }).click();
    await page.getByText('Delibera di Giunta comunale n. 112 del 20/11/2026').waitFor();
    await page.getByLabel('File PDF della delibera').setInputFiles({
      name: 'delibera-giunta-112.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Carica la delibera' }).click();
    await page.getByRole('link', { name: /Scarica la delibera \(delibera-giunta-112\.pdf\)/ }).waitFor();
    await page.getByRole('button', { name: 'Passa a: Adottato' }).click();
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Il piano è passato a «Adottato».').waitFor();
    await settled(page, 'the adopted plan');
    await page.context().close();

    // ── ANCI/Cittalia: the coverage matrix and the map ──
    const anci = await signedIn(env, ANCI);
    anci.setDefaultTimeout(20_000);
    await anci.getByRole('link', { name: 'Copertura del Piano' }).first().click();
    await anci.waitForURL(/\/piani\/copertura/);
    await anci.getByLabel('Regione', { exact: true }).selectOption({ label: 'Liguria' });
    await anci.waitForURL(/region=07/);
    const matrix = anci.getByRole('table', { name: /Azioni dei piani per Comune/ });
    const genova = matrix.getByRole('row').filter({ has: anci.getByRole('rowheader', { name: /^Genova \(/ }) });
    await genova.waitFor();
    expect(await genova.innerText()).toContain('Adottato');
    // the three priority actions it covers, filtered one by one
    for (const p of ['7. Campagne di informazione e sensibilizzazione', '8. Vigilanza e contrasto']) {
      await anci.getByLabel('Azione prioritaria', { exact: true }).selectOption({ label: p });
      await genova.waitFor();
    }
    await anci
      .getByLabel('Azione prioritaria', { exact: true })
      .selectOption({ label: '5. Soluzioni alloggiative dignitose' });
    await genova.waitFor({ state: 'detached' });
    await anci.getByLabel('Azione prioritaria', { exact: true }).selectOption({ index: 0 });
    await genova.waitFor();
    // on the map: Genova among the Comuni with an adopted plan
    await anci.getByRole('application').first().waitFor();
    await anci.getByLabel('Cerca nella tabella').fill('Genova');
    const mapRow = anci
      .getByRole('table', { name: /i dati della mappa/ })
      .getByRole('row')
      .filter({ has: anci.getByRole('rowheader', { name: 'Genova' }) });
    await mapRow.waitFor();
    expect(await mapRow.innerText()).toContain('Piano adottato');
    await settled(anci, 'the coverage with the new plan');
    await anci.context().close();

    // ── the Regione Piemonte does not see another Region's Comune ──
    const piemonte = await signedIn(env, PIEMONTE);
    piemonte.setDefaultTimeout(20_000);
    await piemonte.goto(`${env.baseUrl}/piani/copertura`);
    const pm = piemonte.getByRole('table', { name: /Azioni dei piani per Comune/ });
    await pm.waitFor();
    await piemonte.waitForLoadState('networkidle');
    expect(await pm.getByRole('rowheader', { name: /^Genova \(/ }).count()).toBe(0);
    const res = await piemonte.request.get(`${env.baseUrl}/api/v1/plans/${new URL(planUrl).pathname.split('/')[2]}`);
    expect(res.status()).toBe(404);
  });
});
