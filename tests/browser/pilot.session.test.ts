/**
 * A session that ends while the operatore of Catania fills in "Registra beneficiario" (decision
 * 0024): the submit meets "Sessione scaduta" and a login in place over the page, the values are
 * still there after logging in again, and the submit goes through. A logout in another tab is
 * then noticed the same way. A case note being written survives the same end, and a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, DEMO_PASSWORD, daysAgo, expectAccessible, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('a session that ends in the middle of the work', () => {
  it('keeps the form, asks for the login in place, then submits; a logout in another tab shows the same', async () => {
    const email = 'operatore.catania@demo.incas.local';
    const op = await signedIn(env, email);
    await op.goto(env.baseUrl + '/casi/nuovo');
    await expect.poll(() => op.locator('h1').textContent()).toContain('Registra beneficiario');
    await op.getByLabel('Cognome', { exact: true }).fill('Sessionetti');
    await op.getByLabel('Nomi', { exact: true }).fill('Bozza Conservata');
    await op.getByLabel('Data di nascita', { exact: true }).fill('1991-02-03');
    await op.getByLabel('Sesso', { exact: true }).selectOption('F');
    for (const label of ['Paese di nascita', 'Cittadinanze']) {
      // the country pickers: type part of the name, choose it
      await op.getByLabel(label, { exact: true }).fill('Indi');
      const id = await op.getByRole('radio', { name: 'India', exact: true }).getAttribute('id');
      await op.locator(`label[for="${id}"]`).click();
    }
    await op.getByLabel('Data di presa in carico').fill(daysAgo(3));

    // the session ends on the server (as an idle timeout or a purge would end it)
    await env.db.ownerTx((tx) =>
      tx.query('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]),
    );
    await op.getByRole('button', { name: 'Registra e apri il caso' }).click();
    const dialog = op.getByRole('dialog', { name: 'Sessione scaduta' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('La sessione non è più valida.');
    await expectAccessible(op, 'the login in place');
    // focus is in the dialog, on the password (the e-mail is filled in)
    await expect.poll(() => op.evaluate(() => document.activeElement?.id)).toBe('session-password');
    await expect.poll(() => dialog.getByLabel('Email').inputValue()).toBe(email);
    await dialog.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Accedi' }).click();
    await dialog.waitFor({ state: 'detached' });

    // the work is still there, with a word on sending it again
    expect(await op.getByLabel('Cognome', { exact: true }).inputValue()).toBe('Sessionetti');
    expect(await op.getByLabel('Nomi', { exact: true }).inputValue()).toBe('Bozza Conservata');
    expect(await op.getByLabel('Data di nascita', { exact: true }).inputValue()).toBe('1991-02-03');
    await expect.poll(() => op.getByText(/La sessione è scaduta prima dell'invio/).count()).toBe(1);
    // and a reload of the page still finds it (this tab's draft)
    await op.reload();
    await expect.poll(() => op.getByLabel('Cognome', { exact: true }).inputValue()).toBe('Sessionetti');
    await op.getByRole('button', { name: 'Registra e apri il caso' }).click();
    await op.waitForURL(/\/casi\/[0-9a-f-]{36}$/);
    await expect.poll(() => op.locator('h1').textContent()).toMatch(/^[A-Z]{2}-\d{4}-\d{4}$/);

    // the submit cleared the draft
    expect(await op.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('incas.draft.')))).toEqual(
      [],
    );

    // a logout in another tab of the same browser: this one shows why, without a crash page
    const other = await op.context().newPage();
    await other.goto(env.baseUrl + '/casi');
    await other.locator('h1').first().waitFor();
    await other.getByRole('button', { name: 'Esci' }).click();
    await other.waitForURL(/\/login/);
    await op.getByRole('dialog', { name: 'Sessione scaduta' }).waitFor();
    await expect
      .poll(() => op.getByRole('dialog').textContent())
      .toContain("Hai effettuato l'uscita in un'altra scheda o finestra.");
    expect(await op.getByText('Qualcosa non ha funzionato').count()).toBe(0);
  });

  it('keeps a case note being written through the end of the session and a reload, then saves it', async () => {
    const email = 'operatore.catania@demo.incas.local';
    const { rows } = await env.db.ownerQuery(
      `SELECT c.id::text AS id FROM pilot_cases c JOIN users u ON u.id = c.owner_user_id
        WHERE u.email = $1 AND c.status <> 'chiuso' ORDER BY c.opened_on DESC LIMIT 1`,
      [email],
    );
    const caseId = (rows[0] as { id: string } | undefined)?.id;
    expect(caseId, 'an open demo case of the operatore of Catania').toBeDefined();
    const op = await signedIn(env, email);
    await op.goto(`${env.baseUrl}/casi/${caseId}?sezione=documenti`);
    await op.getByRole('heading', { name: 'Note del caso' }).waitFor();
    const text = 'Colloquio con la mediatrice: la persona chiede un corso serale di italiano.';
    await op.getByRole('button', { name: 'Aggiungi una nota' }).click();
    await op.getByLabel('Nota', { exact: true }).fill(text);

    await env.db.ownerTx((tx) =>
      tx.query('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]),
    );
    await op.getByRole('button', { name: 'Salva la nota' }).click();
    const dialog = op.getByRole('dialog', { name: 'Sessione scaduta' });
    await dialog.waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Accedi' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await op.getByLabel('Nota', { exact: true }).inputValue()).toBe(text);

    // the page reloaded, the form opened again: the draft is back in it
    await op.reload();
    await op.getByRole('heading', { name: 'Note del caso' }).waitFor();
    await op.getByRole('button', { name: 'Aggiungi una nota' }).click();
    await expect.poll(() => op.getByLabel('Nota', { exact: true }).inputValue()).toBe(text);
    await expectAccessible(op, 'case note restored from its draft');
    await op.getByRole('button', { name: 'Salva la nota' }).click();
    await op.getByText(text).waitFor();
    // saved: the draft is gone
    await expect
      .poll(() => op.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('incas.draft.'))))
      .toEqual([]);
  });
});
