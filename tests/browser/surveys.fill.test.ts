/**
 * Issue 10, a Comune's questionnaire beyond the journey of surveys.journey.test.ts: two people of
 * the Comune change the same answer (the second sees the conflict and overwrites nothing), the
 * session ends while filling in, and a Comune without an account fills and sends through its
 * personal link (/q#token). axe on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';
import {
  addComuneToWave,
  makeLink,
  makeStaffedComune,
  makeWave,
  type StaffedComune,
} from '../support/survey-factories.js';
import type { Form } from '../../server/modules/surveys/shared/form/model.js';
import { expectAccessible, logIn, settled, startBrowserEnv, type BrowserEnv } from './support.js';

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

describe('two people of the Comune change the same answer', () => {
  it('shows the conflict, overwrites nothing, and takes the newer value on request', async () => {
    const other = await makeUser(env.db, { roles: ['compilatore_indagine'], org: comune.org });
    const first = await as(comune.compilatore.email);
    const second = await as(other.email);
    // both read the questionnaire before either saves
    for (const page of [first, second]) {
      await page.goto(`${env.baseUrl}/questionari/${responseId}`);
      await page.getByLabel(/Abitanti stranieri/).waitFor();
    }
    await first.getByLabel(/Abitanti stranieri/).fill('120');
    await saved(first);

    // the second one changes the same answer from what it read: the server refuses (409)
    await second.getByLabel(/Abitanti stranieri/).fill('150');
    const conflict = second.getByRole('alert').filter({ hasText: "Risposte cambiate da un'altra persona" });
    await conflict.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => second.getByTestId('save-status').textContent())
      .toBe('Modifiche non salvate: qualcun altro ha cambiato le stesse risposte');
    // by the question's label, the value saved by the other person and this person's own
    expect(await conflict.locator('tbody tr').allTextContents()).toEqual(['Abitanti stranieri120150']);
    await expectAccessible(second, 'fill page with a conflict (compilatore)');
    const stored = async () => {
      const [row] = await env.db.ownerTx((tx) =>
        tx.query<{ answers: Record<string, unknown> }>('SELECT answers FROM survey_responses WHERE id = $1', [
          responseId,
        ]),
      );
      return row!.answers.abitanti;
    };
    expect(await stored()).toBe(120);

    // the newer value comes into the page, and nothing goes out over it
    await conflict.getByRole('button', { name: 'Usa i valori salvati da altri' }).click();
    await conflict.waitFor({ state: 'detached' });
    await expect.poll(() => second.getByLabel(/Abitanti stranieri/).inputValue()).toBe('120');
    await expect.poll(() => second.getByTestId('save-status').textContent()).not.toMatch(/non salvate/);
    await second.waitForLoadState('networkidle');
    expect(await stored()).toBe(120);
  }, 60_000);
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
