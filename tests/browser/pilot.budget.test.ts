/**
 * Issue 9, budget: ANCI/Cittalia set next year's allocation of a pilot Comune typing it the
 * Italian way; the field says the value it understood before saving, and it is saved right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('ANCI/Cittalia', () => {
  it('set next year’s allocation typed as "120.000": understood as 120.000,00 € and saved as such', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    const year = new Date().getFullYear() + 1;
    await page.goto(`${env.baseUrl}/budget?year=${year}`);
    const table = page.locator('table').first();
    await table.waitFor();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.getByText(/Comuni$/).count()).toBeGreaterThan(0); // "11 Comuni", plural agreed

    const firstRow = table.locator('tbody tr').first();
    const comune = (await firstRow.locator('th').textContent())!;
    await firstRow.getByRole('button', { name: /Modifica/ }).click();
    const field = page.getByLabel(`Assegnazione di ${comune} (€)`);
    await field.fill('garbage');
    await page.getByRole('button', { name: 'Salva' }).click();
    await expect.poll(() => page.getByText('Non è un numero: scrivi ad esempio 1.234,50').count()).toBe(1);

    await field.fill('120.000');
    const understood = page.locator('[data-understood]');
    await expect
      .poll(async () => (await understood.textContent())?.replace(/\s/g, ' '))
      .toBe('= 120.000,00 € (il punto separa le migliaia)');
    await expectAccessible(page, 'budget, allocation being typed (ANCI)');
    await page.getByRole('button', { name: 'Salva' }).click();
    // the field's "= 120.000,00 €" hint is in the same cell: wait for the form to close first
    await field.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await firstRow.locator('td').first().textContent())?.replace(/\s/g, ' '))
      .toContain('120.000,00 €');

    const saved = await page.evaluate(async (y) => {
      const r = await fetch(`/api/v1/pilot/budget?year=${y}`);
      return (await r.json()) as { comuni: { comuneName: string; allocation: number | null }[] };
    }, year);
    expect(saved.comuni.find((c) => c.comuneName === comune)?.allocation).toBe(120_000);
  });

  it('are told beside the field that an allocation cannot go below what the Comune already committed', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    const year = new Date().getFullYear();
    await page.goto(`${env.baseUrl}/budget?year=${year}`);
    const table = page.locator('table').first();
    await table.waitFor();
    await page.waitForLoadState('networkidle');
    const budget = await page.evaluate(async (y) => {
      const r = await fetch(`/api/v1/pilot/budget?year=${y}`);
      return (await r.json()) as { comuni: { comuneName: string; allocation: number | null; committed: number }[] };
    }, year);
    const busy = budget.comuni.find((c) => c.committed > 1);
    expect(busy, 'the demo has a Comune with commitments this year').toBeDefined();
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: busy!.comuneName }) });
    await row.getByRole('button', { name: /Modifica/ }).click();
    const field = page.getByLabel(`Assegnazione di ${busy!.comuneName} (€)`);
    await field.fill('1');
    await page.getByRole('button', { name: 'Salva' }).click();
    const said = row.getByText(/^Non può essere inferiore a .* già impegnato nel \d{4}\.$/);
    await expect.poll(() => said.count()).toBe(1);
    expect(await said.textContent()).toContain(String(year));
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'budget, allocation below what is committed (ANCI)');
    await row.getByRole('button', { name: 'Annulla' }).click();
    const after = await page.evaluate(async (y) => {
      const r = await fetch(`/api/v1/pilot/budget?year=${y}`);
      return (await r.json()) as { comuni: { comuneName: string; allocation: number | null }[] };
    }, year);
    expect(after.comuni.find((c) => c.comuneName === busy!.comuneName)?.allocation).toBe(busy!.allocation);
  });
});
