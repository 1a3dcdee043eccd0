import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../support/factories.js';
import { TEST_DATA_KEY } from '../support/harness.js';
import { createFieldCipher } from '../../server/platform/crypto.js';
import { openIdentity } from '../../server/modules/pilot/shared/identity.js';
import { expectAccessible, logIn, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

const RECORDS_TITLE = 'Righe pseudonimizzate (assistenza tecnica)';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

async function open(page: Page, path: string): Promise<void> {
  await page.goto(env.baseUrl + path);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** The cell texts of the persons columns of every block table, row by row. */
function personsCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('table.incas-comparative td[data-kind="persons"]')).map(
      (td) => td.textContent ?? '',
    ),
  );
}

describe('MLPS', () => {
  it('reads the quadro comparativo, disclosure-controlled, exports it and opens the budget and the critical issues', async () => {
    const page = await signedIn(env, 'mlps@demo.incas.local');
    await expectAccessible(page, 'home (MLPS)');

    await open(page, '/quadro-comparativo');
    const table = page.locator('table[data-block="presa_in_carico"]');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(11);
    expect(await rows.last().getAttribute('data-total')).toBe('true');
    expect(await rows.last().locator('th').textContent()).toBe('Totale');
    await expect
      .poll(() => page.getByText('Tutte le righe e il totale sono soggetti al controllo della divulgazione.').count())
      .toBe(1);

    // no count of persons between 1 and 9 is ever shown: only 0, «<10» or a multiple of 5
    const cells = await personsCells(page);
    expect(cells.length).toBeGreaterThan(100);
    for (const text of cells) {
      if (text.startsWith('<10')) continue;
      expect(text).not.toMatch(/^[1-9]$/);
      const n = Number(text.replace(/\./g, ''));
      expect(Number.isInteger(n) && n % 5 === 0, `persons cell "${text}"`).toBe(true);
    }
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(2);

    // a period that ends before it starts is refused beside the field, and changes nothing
    const year = new Date().getFullYear();
    await page.getByLabel('Dal', { exact: true }).fill(`${year}-03-01`);
    await page.getByLabel('Al', { exact: true }).fill(`${year}-02-01`);
    await page.getByRole('button', { name: 'Aggiorna il quadro' }).click();
    await expect.poll(() => page.getByText('La data finale non può precedere quella iniziale').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('period-to');
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await expectAccessible(page, 'quadro, a period refused');
    await page.getByLabel('Al', { exact: true }).fill(`${year}-03-31`);
    await page.getByRole('button', { name: 'Aggiorna il quadro' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(`${year}-03-31`);
    expect(await page.getByText('La data finale non può precedere quella iniziale').count()).toBe(0);
    // the pseudonymised rows are for technical assistance only
    expect(await page.getByRole('heading', { name: RECORDS_TITLE }).count()).toBe(0);
    expect(await page.locator('#records-comune').count()).toBe(0);
    await expectAccessible(page, 'quadro comparativo (MLPS)');

    // the export follows the period applied above, once the quadro of that period is drawn
    const exportLink = page.getByRole('link', { name: 'Esporta XLSX' });
    await expect
      .poll(() => exportLink.getAttribute('href'))
      .toBe(`/api/v1/pilot/comparative.xlsx?from=${year}-03-01&to=${year}-03-31`);
    const href = await exportLink.getAttribute('href');
    const download = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type') ?? '' };
    }, href!);
    expect(download.status).toBe(200);
    expect(download.type).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    await open(page, '/budget');
    await page.locator('table').first().waitFor();
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(11);
    await expectAccessible(page, 'budget (MLPS)');

    await open(page, '/criticita');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /criticità/ })
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Segnala criticità' }).count()).toBe(0);
    await expectAccessible(page, 'criticità (MLPS)');
  });
});

/** Two open tasks for a demo account, on one of its Comune's cases, which it now manages (one overdue). */
async function giveTasks(email: string): Promise<void> {
  await env.db.ownerTx(async (tx) => {
    const [user] = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    const [c] = await tx.query<{ id: string; comune_istat: string }>(
      `SELECT id, comune_istat FROM pilot_cases WHERE comune_istat = '087015' ORDER BY id LIMIT 1`,
    );
    if (user === undefined || c === undefined) throw new Error('demo data missing');
    // a case manager's task goes to whoever owns the case (decision 0027): the account takes it
    await tx.query('UPDATE pilot_cases SET owner_user_id = $2 WHERE id = $1', [c.id, user.id]);
    for (const [kind, due, label] of [
      ['permit_expiry', '2020-01-15', 'Rinnovo del permesso di P-0001'],
      ['pai_review', '2099-12-31', 'Revisione del PAI di P-0001'],
    ]) {
      await tx.query(
        `INSERT INTO pilot_tasks (comune_istat, assignee_user_id, kind, due_on, case_id, label, dedupe_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [c.comune_istat, user.id, kind, due, c.id, label, `browser-test:${kind}:${user.id}`],
      );
    }
  });
}

describe('the referente of Catania', () => {
  it('sees the work list on the home page, marks a task done, opens the critical issues and the quadro comparativo with the own row exact', async () => {
    await giveTasks('referente.catania@demo.incas.local');
    const page = await signedIn(env, 'referente.catania@demo.incas.local');
    await page.getByRole('heading', { name: 'Le mie attività' }).waitFor();
    await page.waitForLoadState('networkidle');
    const status = page.locator('#tasks-title ~ p[role="status"]');
    await expect.poll(() => status.textContent()).toBe('2 attività aperte');
    expect(await page.getByText('In ritardo', { exact: true }).count()).toBe(1);
    expect(
      await page
        .getByRole('link', { name: /Apri il caso/ })
        .first()
        .getAttribute('href'),
    ).toMatch(/^\/casi\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('link', { name: 'Quadro comparativo' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home (referente Catania)');
    await page.getByRole('button', { name: /Segna come fatto.*Rinnovo del permesso/ }).click();
    await expect.poll(() => status.textContent()).toBe('1 attività aperta');

    await open(page, '/criticita');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /criticità/ })
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await page.getByLabel('Stato', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'criticità (referente Catania)');

    await open(page, '/quadro-comparativo');
    await page.locator('table[data-block="intake"]').waitFor();
    await expect.poll(() => page.getByText(/La riga del tuo Comune riporta i valori esatti/).count()).toBe(1);
    await expectAccessible(page, 'quadro comparativo (referente Catania)');
  });
});

/** Surnames, given names, birth dates and codici fiscali of a Comune's demo beneficiaries. */
async function identitiesOf(comune: string): Promise<string[]> {
  const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
  const rows = await env.db.ownerTx((tx) =>
    tx.query<{ id: string; identity_enc: string }>(
      'SELECT id, identity_enc FROM pilot_persons WHERE comune_istat = $1',
      [comune],
    ),
  );
  return rows.flatMap((r) => {
    const identity = openIdentity(cipher, r.id, r.identity_enc);
    return [identity.surname, identity.givenNames, identity.birthDate, identity.codiceFiscale ?? ''].filter(
      (v) => v.length >= 3,
    );
  });
}

describe('ANCI technical assistance', () => {
  it('reads the pseudonymised rows of Catania on the quadro comparativo, with no identity', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await open(page, '/quadro-comparativo');
    const section = page.locator('section[aria-labelledby="records-title"]');
    await section.getByRole('heading', { name: RECORDS_TITLE }).waitFor();
    await expect.poll(() => section.getByText(/non contengono l'identità/).count()).toBe(1);
    await expect.poll(() => section.getByText(/Ogni consultazione viene registrata/).count()).toBe(1);
    await expect.poll(() => page.locator('#records-comune option').count()).toBe(11); // the ten Comuni and the prompt
    await page.getByLabel('Comune', { exact: true }).selectOption({ label: 'Catania' });
    await page.waitForURL(/comune=087015/);

    const table = section.locator('table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe('Righe pseudonimizzate di Catania, pagina 1');
    await expect
      .poll(() =>
        section
          .getByRole('status')
          .filter({ hasText: /righe? pseudonimizzat[ae] di Catania/ })
          .count(),
      )
      .toBe(1);
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Pseudonimo',
      'Ruolo nel nucleo',
      'Sesso',
      "Fascia d'età",
      'Stato del caso',
      'Apertura del caso',
      'Ammesso alle misure',
      'Stato del PAI',
      'Misure',
      'Contratto di lavoro',
      'Motivo di uscita',
    ]);
    const pseudonyms = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(pseudonyms.length).toBeGreaterThan(0);
    for (const p of pseudonyms) expect(p).toMatch(/^CT-\d{4}-\d{4}$/);

    // coded values are shown in words, and nothing identifies a person
    const text = (await table.locator('tbody').innerText()).replace(/\s+/g, ' ');
    expect(text).not.toMatch(
      /\b(ammesso_misure|pai_attivo|in_corso|in_revisione|lavoro_autonomia|revoca_art7|scadenza_permesso|titolare|familiare)\b/,
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}|[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
    const identities = await identitiesOf('087015');
    expect(identities.length).toBeGreaterThan(0);
    const rowCells = await table.locator('tbody td').allTextContents();
    for (const value of identities) {
      expect(
        rowCells.some((cell) => cell.includes(value)),
        `identity value shown: ${value.slice(0, 1)}…`,
      ).toBe(false);
    }
    await expectAccessible(page, 'quadro comparativo, pseudonymised rows (ANCI)');

    // the release extract behind the download link: k ≥ 5, no stored pseudonym
    const href = await page.getByRole('link', { name: /estratto pseudonimizzato/i }).getAttribute('href');
    const extract = await page.evaluate(async (url) => {
      const r = await fetch(url!);
      return { status: r.status, text: await r.text() };
    }, href);
    expect(extract.status).toBe(200);
    const body = JSON.parse(extract.text) as { manifest: { kMeasured: number; kRequired: number } };
    expect(body.manifest.kRequired).toBe(5);
    expect(body.manifest.kMeasured).toBeGreaterThanOrEqual(5);
    expect(extract.text).not.toMatch(/CT-\d{4}-\d{4}/);
  });

  it('raises a critical issue for a pilot Comune', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    await open(page, '/criticita');
    await page.getByRole('button', { name: 'Segnala criticità' }).click();
    const form = page.locator('form.incas-form');
    await form.waitFor();
    await expect.poll(() => page.locator('#comuneIstat option').count()).toBe(11);
    await page.locator('#comuneIstat').selectOption({ label: 'Latina' });
    await page.locator('#category').selectOption('rete_territoriale');
    await form.getByLabel('Titolo').fill("Tempi lunghi per gli appuntamenti con il Centro per l'impiego");
    await form.getByLabel('Descrizione').fill('Gli appuntamenti richiedono in media tre settimane.');
    await form.getByLabel('Responsabile').fill('Referente comunale');
    await form.getByLabel('Scadenza').fill('2027-03-31');
    await expectAccessible(page, 'criticità, form (ANCI)');
    await form.getByRole('button', { name: 'Segnala', exact: true }).click();
    await expect
      .poll(() => page.getByText(/Criticità «Tempi lunghi per gli appuntamenti.*» segnalata/).count())
      .toBe(1);

    // the list is ordered by due date: narrow it to Latina's open issues to find the new one
    await page.getByLabel('Comune', { exact: true }).selectOption({ label: 'Latina' });
    await page.getByLabel('Stato', { exact: true }).selectOption('aperta');
    await page.waitForURL(/comune=059011/);

    const row = page.getByRole('row', { name: /Tempi lunghi per gli appuntamenti/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Latina');
    expect(await row.textContent()).toContain('Aperta');
    await expectAccessible(page, 'criticità, after the report (ANCI)');

    // resolving it needs a resolution
    await row.getByRole('button', { name: /Modifica/ }).click();
    const edit = page.locator('form.incas-form');
    await edit.locator('#status').selectOption('risolta');
    await edit.getByRole('button', { name: 'Salva' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Descrivi la risoluzione' }).count()).toBe(1);
    await expectAccessible(page, 'criticità, editing (ANCI)');
    await edit.getByLabel('Risoluzione').fill("Sportello dedicato concordato con il Centro per l'impiego.");
    await edit.getByRole('button', { name: 'Salva' }).click();
    await expect
      .poll(() => page.getByText(/Criticità «Tempi lunghi per gli appuntamenti.*» aggiornata/).count())
      .toBe(1);
    await expect.poll(() => row.count()).toBe(0); // no longer among the open issues
  });
});

describe('an administrator who can also read the budget', () => {
  it('reads the allocations but cannot change them: ANCI/Cittalia manage the pilot funds (decision 0023)', async () => {
    // an administrator with pilot.budget.read through the MLPS role (an administrator must have a second factor);
    // ANCI setting an allocation typed the Italian way is in pilot.budget.test.ts
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const u = await makeUser(env.db, { roles: ['amministratore', 'mlps'], totpSecret: secret, isDemo: false });
    const page = await env.newPage();
    await logIn(page, env.baseUrl, u.email, TEST_PASSWORD);
    await page.getByLabel('Codice di verifica').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await open(page, '/budget?year=2026');
    const latina = page.getByRole('row', { name: /^Latina/ });
    await expect.poll(() => latina.count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Modifica Assegnazione/ }).count()).toBe(0);
    await expectAccessible(page, 'budget (administrator, read only)');
  });
});
