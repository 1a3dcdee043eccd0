/**
 * A Comune's plan in the browser (issue 13 item 1): the demo referente of Saluzzo opens their
 * updated plan, reads the phases with who and when and what changed in version 2; the referente of
 * Cuneo (a pilot Comune with no plan) starts one, walks it to the draft, records the Giunta's
 * resolution with its PDF and, with an action in place, adopts it. Every page is checked with axe.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe("a Comune's plan", () => {
  it('Saluzzo reads its plan: the phases with who and when, the versions and what changed', async () => {
    const page = await signedIn(env, 'referente.saluzzo@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/piani`);
    await settled(page, 'the list of plans');
    await page.getByRole('link', { name: /Piano locale multisettoriale .* Saluzzo/ }).click();
    await page.getByRole('heading', { name: 'Fasi del piano' }).waitFor();
    await page
      .getByText(/Fatta: Referente Demo Saluzzo/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Passa a: In attuazione' }).waitFor();
    await page.getByText(/Delibera di Giunta comunale n\./).waitFor();
    await settled(page, "a plan's overview");
    await page.getByRole('link', { name: 'Analisi di contesto' }).click();
    await page.getByRole('heading', { name: 'Insediamenti di lavoratori agricoli' }).waitFor();
    await settled(page, "a plan's context analysis");
    await page.getByRole('link', { name: 'Versioni' }).click();
    await page.getByRole('heading', { name: /Cosa è cambiato da versione 1 a versione 2/ }).waitFor();
    await page.getByText(/Azione A\d+ aggiunta/).waitFor();
    await page.getByText(/Budget: [0-9.,]+\s€ → [0-9.,]+\s€/).waitFor();
    await settled(page, "a plan's versions");
  });

  it('Cuneo starts a plan, records the Giunta resolution with its PDF and adopts it', async () => {
    const page = await signedIn(env, 'referente.cuneo@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/piani`);
    await settled(page, 'the list of plans of a Comune without one');
    await page.getByRole('link', { name: 'Nuovo piano' }).click();
    await page.getByRole('heading', { name: 'Nuovo piano locale' }).waitFor();
    await settled(page, 'a new plan');
    await page.getByLabel('Titolo').fill('Piano locale di Esempio per Cuneo');
    await page.getByLabel('Primo anno').fill('2026');
    await page.getByLabel('Ultimo anno').fill('2028');
    await page.getByRole('button', { name: 'Avvia il piano' }).click();
    await page.getByRole('heading', { name: 'Fasi del piano' }).waitFor();
    await settled(page, 'a plan just started');

    for (const step of ['Analisi di contesto', 'Tavoli tematici', 'Bozza']) {
      await page.getByRole('button', { name: `Passa a: ${step}` }).click();
      await page.getByRole('button', { name: 'Conferma' }).click();
      await page.getByText(`Il piano è passato a «${step}».`).waitFor();
    }
    // adoption without the act: a clear message
    await page.getByRole('button', { name: 'Passa a: Adottato' }).click();
    await settled(page, 'the confirmation of the adoption');
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText(/registra prima l'atto di adozione/).waitFor();

    await page.getByLabel('Organo che ha adottato il piano').selectOption({ label: 'Giunta comunale' });
    await page.getByLabel('Numero della delibera').fill('87');
    await page.getByLabel('Data della delibera').fill('2026-10-15');
    await page.getByRole('button', { name: "Registra l'atto" }).click();
    await page.getByText('Atto di adozione registrato.').waitFor();
    await page.getByText('Delibera di Giunta comunale n. 87 del 15/10/2026').waitFor();
    await page.getByLabel('File PDF della delibera').setInputFiles({
      name: 'delibera-giunta-87.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Carica la delibera' }).click();
    await page.getByRole('link', { name: /Scarica la delibera \(delibera-giunta-87\.pdf\)/ }).waitFor();
    await settled(page, 'a plan with its adoption act');

    // an action straight in the database (the actions' pages belong to another part)
    const planId = new URL(page.url()).pathname.split('/')[2]!;
    await env.db.ownerQuery(
      `INSERT INTO plm_actions (id, plan_id, comune_istat, region_code, code, title, axis, priority_action, status,
                                created_at, updated_at)
       SELECT $1, p.id, p.comune_istat, p.region_code, 'A1', 'Sportello informativo per lavoratori stagionali',
              'PREVENZIONE', 4, 'PROGRAMMATA', now(), now() FROM plm_plans p WHERE p.id = $2`,
      [randomUUID(), planId],
    );
    await page.getByRole('button', { name: 'Passa a: Adottato' }).click();
    await page.getByText('Confermi il passaggio a «Adottato»?').waitFor();
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Il piano è passato a «Adottato».').waitFor();
    await page.getByRole('button', { name: 'Passa a: In attuazione' }).waitFor();
    await settled(page, 'an adopted plan');
    await page.getByRole('link', { name: 'Versioni' }).click();
    await page.getByRole('cell', { name: 'Adozione' }).waitFor();
    await settled(page, 'the first version of a plan');
  });
});
