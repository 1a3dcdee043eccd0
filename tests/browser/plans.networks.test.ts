/**
 * Networks and meetings in the browser (issue 13 item 3): the demo referente of Cuneo creates a
 * tavolo, adds two member organisations from the registry, records a meeting with a follow-up they
 * own, due tomorrow, finds it in "I miei impegni" and marks it done. Every page is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
let ownerLabel: string;
beforeAll(async () => {
  env = await startBrowserEnv();
  const { rows } = await env.db.ownerQuery(
    `SELECT u.display_name || ' (' || o.name || ')' AS label FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.email = 'referente.cuneo@demo.incas.local'`,
  );
  ownerLabel = (rows[0] as { label: string }).label;
});
afterAll(async () => env?.close());

/** Chooses a match of a picker as a person does: a click on its label (Bootstrap Italia draws the radio there). */
async function choose(page: Page, name: RegExp) {
  const id = await page.getByRole('radio', { name }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

const isoDay = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('a tavolo, its meeting and a follow-up on the work list', () => {
  it('the referente records a meeting with a follow-up and marks it done from "I miei impegni"', async () => {
    const page = await signedIn(env, 'referente.cuneo@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.getByRole('link', { name: 'Reti e incontri' }).first().click();
    await page.getByRole('heading', { name: 'Reti e incontri', level: 1 }).waitFor();
    await settled(page, 'the networks with their totals');
    await page.getByRole('button', { name: 'Nuovo tavolo' }).click();
    await page.getByLabel('Nome', { exact: true }).fill('Tavolo di prova contro lo sfruttamento');
    await page.getByLabel('Asse del Piano triennale').selectOption({ label: 'Prevenzione' });
    await page.getByRole('button', { name: 'Crea', exact: true }).click();
    await page.getByRole('heading', { name: 'Tavolo di prova contro lo sfruttamento', level: 1 }).waitFor();
    await settled(page, 'a new tavolo');

    // two member organisations from the registry, with their roles in words
    await page.getByLabel('Ruolo', { exact: true }).selectOption({ label: 'Coordinatore' });
    await page.getByLabel("Cerca un'organizzazione nell'anagrafe").fill('presidio di Saluzzo');
    await choose(page, /Prefettura – presidio di Saluzzo/);
    await page.getByRole('rowheader', { name: /Prefettura – presidio di Saluzzo/ }).waitFor();
    await page.getByLabel('Ruolo', { exact: true }).selectOption({ label: 'Membro' });
    await page.getByLabel("Cerca un'organizzazione nell'anagrafe").fill('Caritas Esempio Saluzzo');
    await choose(page, /Caritas Esempio Saluzzo/);
    await page.getByRole('rowheader', { name: /Caritas Esempio Saluzzo/ }).waitFor();
    await page.getByText('2 organizzazioni').waitFor();
    await settled(page, 'a tavolo with two members');

    // a meeting of the tavolo
    await page.getByRole('link', { name: 'Registra un incontro' }).click();
    await page.getByRole('heading', { name: 'Nuovo incontro', level: 1 }).waitFor();
    await settled(page, 'the new meeting form');
    await page.getByLabel("Data dell'incontro").fill(isoDay(0));
    await page.getByLabel('Tipo di incontro').selectOption({ label: 'Tavolo' });
    await page.getByLabel('Titolo').fill('Primo incontro del tavolo di prova');
    await page.getByLabel('Ordine del giorno').fill('1. Presentazioni\n2. Calendario');
    await page.getByLabel('Numero di partecipanti').fill('12');
    await page.getByLabel("Cerca un'organizzazione nell'anagrafe").fill('Caritas Esempio Saluzzo');
    await choose(page, /Caritas Esempio Saluzzo/);
    await page.getByRole('button', { name: /Togli Caritas Esempio Saluzzo/ }).waitFor();
    await page.getByRole('button', { name: "Registra l'incontro" }).click();
    await page.getByRole('heading', { name: 'Primo incontro del tavolo di prova', level: 1 }).waitFor();
    await settled(page, 'a meeting just recorded');

    // a follow-up owned by the referente, due tomorrow
    await page.getByLabel('Testo', { exact: true }).fill('Inviare il calendario alle organizzazioni');
    await page.getByLabel('Responsabile').selectOption({ label: ownerLabel });
    await page.getByLabel('Scadenza').fill(isoDay(1));
    await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await page.getByRole('rowheader', { name: 'Inviare il calendario alle organizzazioni' }).waitFor();
    await settled(page, 'a meeting with a follow-up');
    // another owned by an organisation at the meeting
    await page.getByLabel('Testo', { exact: true }).fill('Distribuire i volantini nei luoghi di lavoro');
    await page.getByLabel('Responsabile').selectOption({ label: 'Caritas Esempio Saluzzo (demo)' });
    await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await page
      .getByRole('row', { name: /Distribuire i volantini nei luoghi di lavoro.*Caritas Esempio Saluzzo/ })
      .waitFor();

    // the work list
    await page.getByRole('link', { name: 'I miei impegni' }).first().click();
    await page.getByRole('heading', { name: 'I miei impegni', level: 1 }).waitFor();
    await settled(page, 'the work list of follow-ups');
    await page.getByRole('button', { name: 'Segna come fatto: Inviare il calendario alle organizzazioni' }).click();
    await page.getByText('Impegno segnato come fatto.').waitFor();
    await page
      .getByRole('button', { name: 'Segna come fatto: Inviare il calendario alle organizzazioni' })
      .waitFor({ state: 'detached' });
    await settled(page, 'the work list after marking done');
  });
});
