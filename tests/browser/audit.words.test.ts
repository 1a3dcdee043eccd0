/**
 * The audit log in words (issue 9): the administrator reads what the operatore of Catania did as
 * sentences, not codes, finds the operatore by typing part of the name, and filters the log to
 * the case files that person read.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, settled, signedIn, startBrowserEnv } from './support.js';

/** Chooses a match of a picker as a person does: a click on its label (Bootstrap Italia draws the radio there). */
async function choose(page: Page, name: RegExp) {
  const id = await page.getByRole('radio', { name }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('the audit log, in words', () => {
  it('shows actions in words, picks a person by part of the name and filters to what they read', async () => {
    // the operatore of Catania opens a case file: the log gains a "case file read" row
    const { rows } = await env.db.ownerQuery(
      `SELECT c.id::text AS id FROM pilot_cases c JOIN users u ON u.id = c.owner_user_id
        WHERE u.email = 'operatore.catania@demo.incas.local' ORDER BY c.opened_on DESC LIMIT 1`,
    );
    const caseId = (rows[0] as { id: string } | undefined)?.id;
    expect(caseId, 'a demo case of the operatore of Catania').toBeDefined();
    const op = await signedIn(env, 'operatore.catania@demo.incas.local');
    await op.goto(`${env.baseUrl}/casi/${caseId}`);
    await op.getByRole('heading', { name: 'Sintesi del caso' }).waitFor();
    await op.waitForLoadState('networkidle');

    const admin = await signedIn(env, 'admin@demo.incas.local');
    admin.setDefaultTimeout(20_000);
    await admin.goto(`${env.baseUrl}/audit`);
    await settled(admin, '/audit');
    const table = admin.locator('table');
    await expect.poll(() => table.getByText('Consultazione della scheda del caso').count()).toBeGreaterThan(0);
    await expect.poll(() => table.getByText('Accesso alla piattaforma').count()).toBeGreaterThan(0);
    // what the eye reads has no codes: they wait on hover and under "Mostra" for the auditor
    const shown = await table.innerText();
    for (const code of ['pilot.case.read', 'auth.login', 'pilot_case']) expect(shown).not.toContain(code);
    const read = table.getByRole('cell', { name: 'Consultazione della scheda del caso' }).first();
    expect(await read.getAttribute('title')).toBe('pilot.case.read');

    // the operatore, found by typing part of the name
    await admin.getByLabel('Utente', { exact: true }).fill('demo cata');
    await admin.getByRole('radio', { name: /^Operatore Demo Catania/ }).waitFor();
    await expectAccessible(admin, '/audit with the user picker open');
    await choose(admin, /^Operatore Demo Catania/);
    await expect.poll(() => admin.getByRole('button', { name: 'Cambia Utente' }).count()).toBe(1);
    await admin.getByLabel('Azione', { exact: true }).selectOption({ label: 'Consultazione della scheda del caso' });
    await admin.getByRole('button', { name: 'Applica i filtri' }).click();
    await admin.waitForURL(/actorUserId=.*action=pilot\.case\.read|action=pilot\.case\.read.*actorUserId=/);

    // only what the operatore read (the previous page stays on screen until the new one arrives)
    const rowTexts = () => admin.locator('table tbody tr').allInnerTexts();
    await expect
      .poll(async () => {
        const texts = await rowTexts();
        return texts.length > 0 && texts.every((r) => r.includes('Operatore Demo Catania'));
      })
      .toBe(true);
    for (const text of await rowTexts()) expect(text).toContain('Consultazione della scheda del caso');
    // and the filter still says who it is, by name
    const filters = admin.getByRole('form', { name: 'Filtri del registro' });
    await expect.poll(() => filters.getByText('Operatore Demo Catania').count()).toBe(1);
    expect(await filters.getByRole('button', { name: 'Cambia Utente' }).count()).toBe(1);
    expect(await admin.getByLabel('Azione', { exact: true }).inputValue()).toBe('pilot.case.read');
    await expectAccessible(admin, '/audit filtered by person and action');
  }, 150_000);
});
