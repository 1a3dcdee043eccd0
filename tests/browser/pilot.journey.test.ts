/**
 * The 18-ter pilot as its users live it: the operatore of Catania registers a beneficiary with
 * two relatives and an art. 18-ter permit, the referente admits the holder, drafts the PAI with
 * three measures, shares and approves it, and the Ministry opens the comparative picture.
 * Dates come from the real clock, as the browser environment uses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type BrowserEnv, daysAgo, expectAccessible, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

/** Types the first letters of a name in a picker and chooses the entry (countries, languages). */
async function pick(page: Page, label: string, name: string) {
  await page.getByLabel(label, { exact: true }).fill(name.slice(0, 4));
  const id = await page.getByRole('radio', { name, exact: true }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

async function fillPerson(
  page: Page,
  p: { surname: string; givenNames: string; birthDate: string; sex: string; country: string; languages: string[] },
) {
  await page.getByLabel('Cognome', { exact: true }).fill(p.surname);
  await page.getByLabel('Nomi', { exact: true }).fill(p.givenNames);
  await page.getByLabel('Data di nascita', { exact: true }).fill(p.birthDate);
  await page.getByLabel('Sesso', { exact: true }).selectOption(p.sex);
  await pick(page, 'Paese di nascita', p.country);
  await pick(page, 'Cittadinanze', p.country);
  for (const [i, language] of p.languages.entries())
    await pick(page, i === 0 ? 'Lingue parlate (facoltativo)' : 'Aggiungi a Lingue parlate (facoltativo)', language);
}

/** Opens a section of the case page by its tab. */
async function section(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sezioni del caso' }).getByRole('link', { name, exact: true }).click();
}

describe('an art. 18-ter case in Catania, from intake to an approved PAI', () => {
  it('is registered, admitted, planned and approved, then counted in the comparative picture', async () => {
    // the operatore registers the permit holder
    const op = await signedIn(env, 'operatore.catania@demo.incas.local');
    await op.goto(env.baseUrl + '/casi');
    await expect.poll(() => op.locator('h1').textContent()).toContain('Casi del pilota 18-ter');
    await settled(op, '/casi');

    await op.getByRole('link', { name: 'Registra beneficiario' }).click();
    await op.waitForURL(/\/casi\/nuovo$/);
    await settled(op, '/casi/nuovo');
    await fillPerson(op, {
      surname: 'Provetti',
      givenNames: 'Demo Giornata',
      birthDate: '1990-04-12',
      sex: 'M',
      country: 'India',
      languages: ['Punjabi', 'Inglese'],
    });
    await op.getByLabel('Data di presa in carico').fill(daysAgo(20));
    await op.getByRole('button', { name: 'Registra e apri il caso' }).click();
    await op.waitForURL(/\/casi\/[0-9a-f-]{36}$/);
    const caseUrl = op.url();
    // the heading becomes the pseudonym once the case file has loaded
    await expect.poll(() => op.locator('h1').textContent()).toMatch(/^[A-Z]{2}-\d{4}-\d{4}$/);
    await op.getByRole('heading', { name: 'Nucleo familiare' }).waitFor();
    const pseudonym = (await op.locator('h1').textContent())!.trim();
    expect(pseudonym).not.toContain('Provetti');
    await settled(op, 'case detail');
    // identity only in its own panel
    await expect.poll(() => op.getByText('Provetti Demo Giornata').count()).toBe(1);

    // two family members: the spouse and a son
    // (forms open on demand and close after success)
    const household = op.getByRole('table', { name: /Componenti del nucleo/ });
    await op.getByRole('button', { name: 'Aggiungi un familiare' }).click();
    await op.getByLabel('Relazione con il titolare').selectOption('coniuge');
    await fillPerson(op, {
      surname: 'Provetti',
      givenNames: 'Demo Coniuge',
      birthDate: '1992-07-01',
      sex: 'F',
      country: 'India',
      languages: ['Punjabi'],
    });
    await op.getByRole('button', { name: 'Aggiungi al nucleo' }).click();
    await expect.poll(() => household.getByText('coniuge — coniugio').count()).toBe(1);
    await op.getByRole('button', { name: 'Aggiungi un familiare' }).click();
    await op.getByLabel('Relazione con il titolare').selectOption('figlio');
    await fillPerson(op, {
      surname: 'Provetti',
      givenNames: 'Demo Figlio',
      birthDate: '2015-02-20',
      sex: 'M',
      country: 'India',
      languages: ['Punjabi', 'Italiano'],
    });
    await op.getByRole('button', { name: 'Aggiungi al nucleo' }).click();
    await expect.poll(() => household.getByText('figlio/figlia — parentela, 1° grado').count()).toBe(1);
    await expect.poll(() => household.locator('tbody tr').count()).toBe(3);

    // the holder's art. 18-ter permit, issued ten days ago (expiry computed: six months), in the "Permesso" section
    await section(op, 'Permesso');
    await op.getByRole('button', { name: `Registra permesso per ${pseudonym}` }).click();
    const permitForm = op.getByRole('form', { name: `Registra permesso per ${pseudonym}` });
    await permitForm.getByLabel('Tipo di permesso').selectOption('art_18ter');
    await permitForm.getByLabel('Questura').fill('Catania');
    await permitForm.getByLabel('Avviato su (facoltativo)').selectOption('parere_inl');
    await permitForm.getByLabel('Data di rilascio (facoltativo)').fill(daysAgo(10));
    await permitForm.getByRole('button', { name: 'Registra permesso', exact: true }).click();
    await op.getByRole('table', { name: `Permessi di soggiorno di ${pseudonym}` }).waitFor();
    // back to the household: the section is in the URL, so the browser's back button returns to it
    await op.goBack();
    await expect.poll(() => household.getByText(/^Ammissibile perché titolare/).count()).toBe(1);
    await settled(op, 'case detail with household and permit');

    // the referente admits the holder and drafts the PAI
    const ref = await signedIn(env, 'referente.catania@demo.incas.local');
    await ref.goto(`${caseUrl}?sezione=ammissione`);
    await expect.poll(() => ref.locator('h1').textContent()).toBe(pseudonym);
    await settled(ref, 'case detail (referente)');
    await ref.getByRole('button', { name: "Decidi sull'ammissione alle misure" }).click();
    const admit = ref.getByRole('form', { name: `Decisione sull'ammissione di ${pseudonym}` });
    await admit.getByLabel('Motivazione').fill('Titolare di permesso art. 18-ter in corso di validità');
    await admit.getByRole('button', { name: 'Ammetti il/la titolare alle misure' }).click();
    await expect.poll(() => ref.locator('.lead').first().textContent()).toContain('ammesso alle misure');
    await ref.getByRole('button', { name: `Crea PAI per ${pseudonym}` }).click();
    await ref.waitForURL(/\/pai\/[0-9a-f-]{36}$/);
    await expect.poll(() => ref.locator('h1').textContent()).toBe(`PAI di ${pseudonym}`);
    await settled(ref, 'PAI (draft)');

    // three measures with small costs
    const measures = [
      { type: 'orientamento', provider: 'Ente demo orientamento', hours: '10', cost: '150' },
      { type: 'corso_italiano', provider: 'CPIA demo', hours: '40', cost: '200' },
      { type: 'tirocinio', provider: 'Azienda agricola demo', hours: '80', cost: '300' },
    ];
    for (const [i, m] of measures.entries()) {
      await ref.getByLabel('Tipo di misura').selectOption(m.type);
      await ref.getByLabel('Ente erogatore').fill(m.provider);
      await ref.getByLabel('Ore previste').fill(m.hours);
      await ref.getByLabel('Costo previsto (euro)').fill(m.cost);
      await ref.getByRole('button', { name: 'Aggiungi misura', exact: true }).click();
      await expect
        .poll(() =>
          ref
            .getByRole('table', { name: /Misure del PAI/ })
            .locator('tbody tr')
            .count(),
        )
        .toBe(i + 1);
    }
    await settled(ref, 'PAI with measures');

    // shared with the beneficiary (notice in Punjabi), then approved
    await ref.getByRole('button', { name: 'Condividi con il beneficiario' }).click();
    await pick(ref, "Lingua dell'informativa consegnata", 'Punjabi');
    await ref.getByRole('button', { name: 'Conferma' }).click();
    await expect.poll(() => ref.locator('.lead').first().textContent()).toContain('condiviso con il beneficiario');
    await ref.getByRole('button', { name: 'Approva' }).click();
    await ref.getByRole('button', { name: 'Conferma' }).click();
    await expect.poll(() => ref.locator('.lead').first().textContent()).toContain('approvato dal Comune');
    await settled(ref, 'PAI approved');

    // the case list shows the PAI's status and the permit
    await ref.goto(env.baseUrl + `/casi?q=${encodeURIComponent(pseudonym)}`);
    const row = ref.getByRole('row', { name: new RegExp(pseudonym) });
    await expect.poll(() => row.textContent()).toContain('approvato dal Comune');
    await settled(ref, '/casi (referente, search)');

    // the referrals page
    await ref.goto(env.baseUrl + '/segnalazioni');
    await ref.getByRole('heading', { name: 'Nuova segnalazione' }).waitFor();
    await settled(ref, '/segnalazioni');

    // the Ministry's comparative picture
    const mlps = await signedIn(env, 'mlps@demo.incas.local');
    await mlps.goto(env.baseUrl + '/quadro-comparativo');
    await mlps.locator('h1').first().waitFor();
    await mlps.waitForLoadState('networkidle');
    await expect.poll(() => mlps.locator('table').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectAccessible(mlps, '/quadro-comparativo');
  });
});
