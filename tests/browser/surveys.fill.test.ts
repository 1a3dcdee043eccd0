/**
 * Issue 10, a Comune's questionnaire: the compilatore fills half and finds it again after a
 * reload, the validatore completes and sends it, ANCI starts the review, flags one answer with a
 * reason and returns it, the Comune reads the reason and may change only that answer, fixes it and
 * sends again; a Comune without an account fills and sends through its personal link (/q#token).
 * axe on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/factories.js';
import {
  addComuneToWave,
  makeLink,
  makeStaffedComune,
  makeWave,
  type StaffedComune,
} from '../support/survey-factories.js';
import type { Form } from '../../server/modules/surveys/shared/form/model.js';
import { DEMO_PASSWORD, expectAccessible, logIn, settled, startBrowserEnv, type BrowserEnv } from './support.js';

const form: Form = {
  modelVersion: 1,
  id: 'prova_browser',
  title: { it: 'Prova' },
  defaultLanguage: 'it',
  items: [
    {
      kind: 'group',
      name: 'A',
      label: { it: 'A. Dati generali' },
      items: [
        {
          kind: 'question',
          name: 'referente',
          type: 'text',
          label: { it: 'Nome del referente' },
          required: true,
          readOnly: false,
        },
        {
          kind: 'question',
          name: 'abitanti',
          type: 'integer',
          label: { it: 'Abitanti stranieri' },
          required: true,
          readOnly: false,
        },
        {
          kind: 'question',
          name: 'ufficio',
          type: 'text',
          label: { it: 'Ufficio competente' },
          required: true,
          readOnly: false,
        },
      ],
    },
  ],
  lists: [],
};

let env: BrowserEnv;
let comune: StaffedComune;
let waveId: string;
let responseId: string;
beforeAll(async () => {
  env = await startBrowserEnv();
  comune = await makeStaffedComune(env.db);
  const wave = await makeWave(env.db, { form });
  waveId = wave.waveId;
  responseId = await addComuneToWave(env.db, waveId, comune.istat);
});
afterAll(async () => env?.close());

async function as(email: string, password = TEST_PASSWORD): Promise<Page> {
  const page = await env.newPage();
  await logIn(page, env.baseUrl, email, password);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('h1').first().waitFor();
  return page;
}

const saved = (page: Page) =>
  expect
    .poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 })
    .toMatch(/^Salvato alle \d\d:\d\d$/);

describe('a Comune fills in, ANCI reviews and returns, the Comune corrects', () => {
  it('goes through the whole cycle', async () => {
    // the compilatore fills half, reloads, finds it again
    const comp = await as(comune.compilatore.email);
    await comp.goto(`${env.baseUrl}/questionari`);
    await settled(comp, 'my questionnaires (compilatore)');
    await comp.getByRole('link', { name: /Indagine di prova/ }).click();
    await comp.getByLabel(/Nome del referente/).fill('Maria Prova');
    await comp.getByLabel(/Abitanti stranieri/).fill('120');
    await saved(comp);
    await expectAccessible(comp, 'fill page (compilatore)');
    await expect.poll(() => comp.getByText('Il validatore del Comune invierà il questionario.').count()).toBe(1);
    await comp.reload();
    await expect.poll(() => comp.getByLabel(/Nome del referente/).inputValue()).toBe('Maria Prova');
    await expect.poll(() => comp.getByLabel(/Abitanti stranieri/).inputValue()).toBe('120');

    // the validatore completes and sends
    const val = await as(comune.validatore.email);
    await val.goto(`${env.baseUrl}/questionari/${responseId}`);
    await val.getByLabel(/Ufficio competente/).fill('Servizi sociali');
    await saved(val);
    await val.locator('label[for="declaration"]').click();
    await val.getByRole('button', { name: 'Invia il questionario' }).click();
    await expect.poll(() => val.getByTestId('response-state').textContent()).toBe('Inviato');
    await expectAccessible(val, 'fill page after sending (validatore)');

    // ANCI: queue, review, flag with a reason, return
    const anci = await as('assistenza.anci@demo.incas.local', DEMO_PASSWORD);
    await anci.goto(`${env.baseUrl}/indagini/rilevazioni/${waveId}/verifica`);
    await settled(anci, 'review queue (ANCI)');
    await anci.locator('tbody a').first().click();
    await anci.getByRole('button', { name: 'Inizia la verifica' }).click();
    await expect.poll(() => anci.getByTestId('response-state').textContent()).toBe('In verifica');
    await anci.getByLabel('Domanda').selectOption('abitanti');
    await anci.getByLabel(/Motivo/).fill('Il dato sembra alto rispetto al censimento 2021');
    await anci.getByRole('button', { name: 'Aggiungi la segnalazione' }).click();
    await anci.getByRole('button', { name: 'Restituisci per correzioni' }).waitFor();
    await expectAccessible(anci, 'review page with a flag (ANCI)');
    await anci.getByRole('button', { name: 'Restituisci per correzioni' }).click();
    await expect.poll(() => anci.getByTestId('response-state').textContent()).toBe('Restituito per correzioni');

    // the Comune reads the reason; only the flagged answer can change
    await comp.goto(`${env.baseUrl}/questionari/${responseId}`);
    await expect
      .poll(() => comp.getByTestId('flag-reasons').textContent())
      .toContain('Il dato sembra alto rispetto al censimento 2021');
    expect(await comp.getByLabel(/Nome del referente/).isDisabled()).toBe(true);
    await comp.getByLabel(/Abitanti stranieri/).fill('95');
    await saved(comp);
    await expectAccessible(comp, 'fill page after the return (compilatore)');

    await val.goto(`${env.baseUrl}/questionari/${responseId}`);
    await val.locator('label[for="declaration"]').click();
    await val.getByRole('button', { name: 'Invia il questionario' }).click();
    await expect.poll(() => val.getByTestId('response-state').textContent()).toBe('Inviato');
    // the history shows the change
    await expect
      .poll(() => val.getByRole('table', { name: "Risposte cambiate dopo l'invio" }).textContent())
      .toContain('95');
  }, 120_000);
});

describe('the session ends while filling in', () => {
  it('keeps the answer, asks to log in again in place, then saves it', async () => {
    const c = await makeStaffedComune(env.db);
    const id = await addComuneToWave(env.db, waveId, c.istat);
    const page = await as(c.compilatore.email);
    await page.goto(`${env.baseUrl}/questionari/${id}`);
    await page.getByLabel(/Nome del referente/).fill('Prima della scadenza');
    await saved(page);
    await env.db.ownerTx((tx) =>
      tx.query('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)', [c.compilatore.email]),
    );
    await page.getByLabel(/Ufficio competente/).fill('Scritto dopo la scadenza');
    const dialog = page.getByRole('dialog', { name: 'Sessione scaduta' });
    await dialog.waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: 'Accedi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved(page);
    const [row] = await env.db.ownerTx((tx) =>
      tx.query<{ answers: Record<string, unknown> }>('SELECT answers FROM survey_responses WHERE id = $1', [id]),
    );
    expect(row!.answers).toMatchObject({ referente: 'Prima della scadenza', ufficio: 'Scritto dopo la scadenza' });
  }, 60_000);
});

describe('a Comune without an account', () => {
  it('fills and sends through its personal link; the token leaves the address bar', async () => {
    const other = await makeStaffedComune(env.db);
    const id = await addComuneToWave(env.db, waveId, other.istat);
    const { token } = await makeLink(env.db, id, { createdBy: comune.referente.id });
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/q#${token}`);
    await page.getByLabel(/Nome del referente/).waitFor();
    expect(page.url()).not.toContain(token);
    await settled(page, 'personal link page');
    await page.getByLabel(/Nome del referente/).fill('Luigi Link');
    await page.getByLabel(/Abitanti stranieri/).fill('40');
    await page.getByLabel(/Ufficio competente/).fill('Anagrafe');
    await saved(page);
    await page.locator('label[for="declaration"]').click();
    await page.getByRole('button', { name: 'Invia il questionario' }).click();
    await expect.poll(() => page.getByTestId('response-state').textContent()).toBe('Inviato');
    await expectAccessible(page, 'personal link page after sending');

    // a garbage token opens nothing
    const bad = await env.newPage();
    await bad.goto(`${env.baseUrl}/q#${'x'.repeat(43)}`);
    await expect.poll(() => bad.getByRole('alert').first().textContent()).toContain('Il link non è valido');
  }, 60_000);
});
