/**
 * The messages log and the phone list of a wave, in Chromium with axe: ANCI reads the outcome of
 * each message in words (a failure highlighted, with the relay's answer), marks a delivered one as
 * bounced with its reason, and opens the Comuni to phone by Region with the XLSX link.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSurveyComune, makeSurveyContact, makeSurveyWave, type MadeWave } from '../support/survey-factories.js';
import { settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
let wave: MadeWave;
let X: { istat: string; regionCode: string };
let Y: { istat: string; regionCode: string };
let Z: { istat: string; regionCode: string };
let comuneX: string;

beforeAll(async () => {
  env = await startBrowserEnv();
  const [anci] = await env.db.ownerTx((tx) =>
    tx.query<{ id: string }>("SELECT id FROM users WHERE email = 'assistenza.anci@demo.incas.local'"),
  );
  X = await makeSurveyComune(env.db);
  Y = await makeSurveyComune(env.db);
  Z = await makeSurveyComune(env.db);
  await makeSurveyContact(env.db, { comune: X.istat, kind: 'pec', email: 'protocollo@pec.comune-x.test' });
  await makeSurveyContact(env.db, { comune: Z.istat, kind: 'pec', email: 'protocollo@pec.comune-z.test' });
  wave = await makeSurveyWave(env.db, {
    createdBy: anci!.id,
    comuni: [X.istat, Y.istat, Z.istat],
    opensOn: '2026-12-24',
    closesOn: '2027-02-26',
  });
  const rx = wave.responses[X.istat]!;
  await env.db.ownerTx(async (tx) => {
    const [c] = await tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [X.istat]);
    comuneX = c!.name;
    const insert = (step: number, kind: string, due: string, status: string, error: string | null, to = X) =>
      tx.query(
        `INSERT INTO survey_messages (id, response_id, comune_istat, step, kind, to_address, due_on, status, error, created_at, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [
          randomUUID(),
          wave.responses[to.istat],
          to.istat,
          step,
          kind,
          to === X ? 'protocollo@pec.comune-x.test' : 'protocollo@pec.comune-z.test',
          due,
          status,
          error,
          new Date(`${due}T09:00:00Z`),
        ],
      );
    await insert(0, 'invito', '2026-12-24', 'inviato', null);
    await insert(1, 'sollecito', '2027-01-04', 'inviato', null);
    await insert(2, 'sollecito', '2027-01-12', 'fallito', 'SMTP 550: Mailbox unavailable');
    await insert(0, 'invito', '2026-12-24', 'inviato', null, Z);
    await insert(1, 'sollecito', '2027-01-04', 'inviato', null, Z);
    await insert(2, 'sollecito', '2027-01-12', 'inviato', null, Z);
    await tx.query(
      "UPDATE survey_wave_comuni SET status = 'sollecitato', invited_at = '2026-12-24T09:00:00Z', reminders_sent = 2 WHERE id = ANY($1::uuid[])",
      [[rx, wave.responses[Z.istat]]],
    );
  });
});
afterAll(async () => env?.close());

async function open(page: Page, path: string): Promise<void> {
  await page.goto(env.baseUrl + path);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('ANCI follows the messages of a wave', () => {
  it('reads the log in words, marks a delivered message as bounced, and opens the phone list', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await open(page, `/indagini/rilevazioni/${wave.waveId}/messaggi?comune=${X.istat}`);
    expect(await page.locator('h1').textContent()).toBe('Inviti e solleciti');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByText('3 messaggi').waitFor();
    expect(await page.getByLabel('Codice ISTAT del Comune').inputValue()).toBe(X.istat);
    // newest step first; the failure is highlighted with the relay's answer, dates in Italian
    const failed = rows.nth(0);
    expect(await failed.getAttribute('class')).toContain('table-warning');
    expect(await failed.textContent()).toContain('Invio non riuscito');
    expect(await failed.textContent()).toContain('SMTP 550: Mailbox unavailable');
    expect(await failed.textContent()).toContain('Sollecito n. 2');
    expect(await failed.textContent()).toContain('12 gen 2027');
    expect(await rows.nth(2).textContent()).toContain('Invito');
    expect(await rows.nth(2).textContent()).toContain('Consegnato al server di posta');
    await settled(page, 'messages log');

    // only delivered messages can bounce: two buttons, named with their Comune and address
    // (the hidden part is a block of its own: Chromium puts a space before its colon)
    const buttons = page.getByRole('button', {
      name: new RegExp(`^Segna come rimbalzato ?: ${comuneX}, protocollo@pec\\.comune-x\\.test$`),
    });
    await expect.poll(() => buttons.count()).toBe(2);
    await buttons.first().click();
    const heading = page.getByRole('heading', { name: 'Segna il messaggio come rimbalzato' });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Segna come rimbalzato', exact: true }).click();
    await page.getByText('Scrivi il motivo (almeno 3 caratteri).').waitFor();
    await settled(page, 'bounce form');
    await page.getByLabel('Motivo del rimbalzo').fill('Casella PEC piena');
    await page.getByRole('button', { name: 'Segna come rimbalzato', exact: true }).click();
    await page.getByText('Casella PEC piena').waitFor();
    await expect.poll(() => page.locator('table tbody tr.table-warning').count()).toBe(2);
    await expect.poll(() => page.locator('table .badge', { hasText: 'Rimbalzato' }).count()).toBe(1);

    // the filter by outcome
    await page.getByLabel('Esito').selectOption('fallito');
    await expect.poll(() => rows.count()).toBe(1);

    await open(page, `/indagini/rilevazioni/${wave.waveId}/contatti-telefonici`);
    expect(await page.locator('h1').textContent()).toBe('Comuni da contattare per telefono');
    await expect.poll(() => rows.count()).toBe(3);
    const text = await page.locator('table').textContent();
    expect(text).toContain(comuneX);
    expect(text).toContain('Nessuna risposta dopo 2 solleciti');
    expect(text).toContain('Ultimo messaggio non consegnato (non riuscito o rimbalzato)');
    expect(text).toContain('Nessun indirizzo e-mail noto');
    expect(text).toContain('protocollo@pec.comune-x.test');
    const download = page.getByRole('link', { name: 'Scarica in Excel (XLSX)' });
    expect(await download.getAttribute('href')).toBe(`/api/v1/surveys/waves/${wave.waveId}/phone-list.xlsx`);
    await settled(page, 'phone list');
    await page.getByLabel('Regione', { exact: true }).selectOption(X.regionCode);
    await expect.poll(() => download.getAttribute('href')).toContain(`?region=${X.regionCode}`);
    // the three Comuni are drawn at random: Y and Z may share X's Region
    const inX = [X, Y, Z].filter((c) => c.regionCode === X.regionCode).length;
    await expect.poll(() => rows.count()).toBe(inX);
  });
});
