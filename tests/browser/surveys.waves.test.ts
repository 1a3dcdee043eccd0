/**
 * A wave from the rule builder to the funnel, in Chromium with axe: ANCI composes the universe
 * (Comuni above 15,000 inhabitants) and reads its count before launch, creates the wave, launches
 * it after the confirmation, reads the funnel and the list of Comuni, and issues a personal link
 * shown once; MLPS follows the same wave without any button that changes it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { smallForm } from '../support/survey-factories.js';
import { expectAccessible, settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let surveyId: string;
let over15k: number;
let waveUrl = '';

beforeAll(async () => {
  env = await startBrowserEnv();
  const [anci] = await env.db.ownerTx((tx) =>
    tx.query<{ id: string }>("SELECT id FROM users WHERE email = 'assistenza.anci@demo.incas.local'"),
  );
  // a survey with one published version of a real questionnaire
  surveyId = randomUUID();
  await env.db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO survey_surveys (id, code, title_it, created_by, created_at) VALUES ($1, $2, 'Indagine di prova', $3, now())`,
      [surveyId, `prova-${randomBytes(4).toString('hex')}`, anci!.id],
    );
    await tx.query(
      `INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at, published_by, published_at)
       VALUES ($1, $2, 1, $3, 5, $4, now(), $4, now())`,
      [randomUUID(), surveyId, JSON.stringify(smallForm()), anci!.id],
    );
  });
  const [n] = await env.db.ownerTx((tx) =>
    tx.query<{ n: number }>('SELECT count(*)::int AS n FROM comuni WHERE population > 15000'),
  );
  over15k = n!.n;
});
afterAll(async () => env?.close());

const italian = (n: number) => new Intl.NumberFormat('it-IT').format(n);

describe('a wave of a national survey', () => {
  it('is composed with its universe counted before launch, launched, and followed in its funnel', async () => {
    const anci: Page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await anci.goto(`${env.baseUrl}/indagini/${surveyId}`);
    await settled(anci, 'the survey with its waves');
    await anci.getByRole('link', { name: 'Nuova rilevazione' }).click();
    await settled(anci, 'a new wave');

    await anci.getByLabel('Titolo (italiano)').fill('Rilevazione di prova – Comuni sopra i 15.000 abitanti');
    await anci.getByLabel('Apertura').fill('2026-12-01');
    await anci.getByLabel('Chiusura').fill('2027-02-26');
    await anci.getByLabel('Tutti i Comuni').uncheck();
    await anci.getByLabel('Almeno (abitanti)').fill('15000');
    await anci.getByLabel('Esclusa la soglia (più di)').check();
    await expect
      .poll(
        () =>
          anci
            .getByText(/Comuni nell'universo: [\d.]+/)
            .first()
            .textContent(),
        { timeout: 15_000 },
      )
      .toContain(`Comuni nell'universo: ${italian(over15k)}`);
    await expectAccessibleHere(anci, 'the rule builder with its count');
    await anci.getByRole('button', { name: 'Crea la rilevazione in bozza' }).click();
    await anci.waitForURL(/\/indagini\/rilevazioni\/[0-9a-f-]{36}$/);
    waveUrl = new URL(anci.url()).pathname;
    await settled(anci, 'the wave in draft');

    await anci.getByRole('button', { name: 'Avvia la rilevazione' }).click();
    await anci.getByRole('button', { name: "Conferma l'avvio" }).click();
    await anci.getByRole('heading', { name: 'Andamento' }).waitFor();
    await settled(anci, 'the launched wave with its funnel');
    await expect.poll(() => anci.locator('dl').first().textContent()).toContain(italian(over15k));

    await anci
      .getByRole('button', { name: /Accesso e contatti/ })
      .first()
      .click();
    await anci.getByRole('button', { name: 'Emetti un link personale' }).click();
    await expect
      .poll(() => anci.getByText('Copiare ora il link: non sarà più mostrato.', { exact: false }).count())
      .toBeGreaterThan(0);
    expect(await anci.getByLabel('Link personale').inputValue()).toMatch(/\/q#[A-Za-z0-9_-]{43}$/);
    await expectAccessibleHere(anci, 'a personal link just issued');
  });

  it('is followed by MLPS without any button that changes it', async () => {
    expect(waveUrl).not.toBe('');
    const mlps = await signedIn(env, 'mlps@demo.incas.local');
    await mlps.goto(env.baseUrl + waveUrl);
    await mlps.getByRole('heading', { name: 'Andamento' }).waitFor();
    await settled(mlps, 'the wave as MLPS sees it');
    expect(await mlps.getByRole('button', { name: 'Chiudi la rilevazione' }).count()).toBe(0);
    expect(await mlps.getByRole('button', { name: 'Proroga la chiusura' }).count()).toBe(0);
  });
});

async function expectAccessibleHere(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, where);
}
