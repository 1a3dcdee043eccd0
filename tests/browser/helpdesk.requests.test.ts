/**
 * The help desk in the browser (issue 14 item 4): a Comune's officer opens a request (topic in
 * Italian, the warning not to write beneficiaries' data), ANCI assigns it from the queue, answers and
 * resolves it, the officer closes and rates it; ANCI turns it into a draft of the knowledge base; the
 * knowledge base for logged-in users and in public (/domande-frequenti), and the figures. Axe on
 * every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

const OFFICER = 'referente.latina@demo.incas.local';
const ANCI = 'assistenza.anci@demo.incas.local';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

describe('a request from the Comune to the help desk and back', () => {
  it('the officer asks, ANCI assigns and answers, the officer closes and rates', async () => {
    const officer = await signedIn(env, OFFICER);
    officer.setDefaultTimeout(20_000);
    await officer.goto(`${env.baseUrl}/assistenza-tecnica`);
    await officer.getByRole('heading', { level: 1, name: 'Assistenza tecnica' }).waitFor();
    await settled(officer, "the Comune's requests");
    await officer.getByRole('link', { name: 'Nuova richiesta' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Nuova richiesta di assistenza' }).waitFor();
    await officer.getByText('Non scrivere dati personali delle persone beneficiarie').first().waitFor();
    await settled(officer, 'the new request form');
    await officer.getByLabel('Tema').selectOption({ label: 'Rendicontazione' });
    await officer.getByLabel('Oggetto').fill('Prova browser: spese di viaggio');
    await officer.getByLabel('Domanda', { exact: true }).fill('Le spese di viaggio dei formatori sono ammissibili?');
    await officer.getByRole('button', { name: 'Invia la richiesta' }).click();
    await officer.waitForURL(/\/assistenza-tecnica\/richieste\//);
    const requestUrl = officer.url();
    await officer.getByText('Le spese di viaggio dei formatori sono ammissibili?').waitFor();
    await settled(officer, 'the request page (new)');

    const anci = await signedIn(env, ANCI);
    anci.setDefaultTimeout(20_000);
    await anci.goto(`${env.baseUrl}/assistenza-tecnica/coda?stato=NUOVA&tema=RENDICONTAZIONE`);
    await anci.getByRole('link', { name: 'Prova browser: spese di viaggio' }).waitFor();
    await settled(anci, 'the queue');
    await anci.getByRole('link', { name: 'Prova browser: spese di viaggio' }).click();
    await anci.waitForURL(requestUrl);
    await anci.getByRole('heading', { name: 'Assegnazione' }).waitFor();
    const me = await anci
      .locator('#hd-assignee option', { hasText: 'Assistenza Tecnica Demo ANCI' })
      .getAttribute('value');
    await anci.locator('#hd-assignee').selectOption(me);
    await anci.getByRole('button', { name: 'Assegna' }).click();
    await anci.getByText('Assegnata a Assistenza Tecnica Demo ANCI').waitFor();
    await anci.getByLabel('Messaggio').fill('Sì, se previste nel budget approvato e documentate.');
    await anci.getByRole('button', { name: 'Invia', exact: true }).click();
    await anci.getByText('Messaggio inviato.').waitFor();
    await anci.getByLabel('Testo della risoluzione').fill('Ammissibili se previste nel budget e documentate.');
    await anci.getByRole('button', { name: 'Segna come risolta' }).click();
    await anci.getByRole('heading', { name: 'Risoluzione', exact: true }).waitFor();
    await settled(anci, 'the request page (resolved, help desk)');

    await officer.reload();
    await officer.getByText('Ammissibili se previste nel budget e documentate.').waitFor();
    await settled(officer, 'the request page (resolved, Comune)');
    await officer.getByRole('button', { name: 'Conferma la risoluzione e chiudi' }).click();
    await officer.getByRole('heading', { name: "Valuta l'assistenza ricevuta" }).waitFor();
    await officer.locator('label[for="hd-score-5"]').click();
    await expect.poll(() => officer.locator('#hd-score-5').isChecked()).toBe(true);
    await officer.getByLabel('Commento (facoltativo)').fill('Risposta chiara.');
    await officer.getByRole('button', { name: 'Invia la valutazione' }).click();
    await officer.getByText('Valutazione: 5 su 5').waitFor();
    await settled(officer, 'the request page (closed and rated)');
    const requestId = requestUrl.split('/').at(-1)!;
    const { rows } = await env.db.ownerQuery('SELECT status, satisfaction FROM hd_requests WHERE id = $1', [requestId]);
    expect(rows[0]).toEqual({ status: 'CHIUSA', satisfaction: 5 });

    // ANCI turns the answer into a draft of the knowledge base
    await anci.reload();
    await anci.getByRole('link', { name: 'Crea voce della base di conoscenza' }).click();
    await anci.getByRole('heading', { level: 1, name: 'Nuova voce della base di conoscenza' }).waitFor();
    await settled(anci, 'the new knowledge-base entry');
    await anci.getByLabel('Domanda').fill('Le spese di viaggio dei formatori sono ammissibili?');
    await anci.getByRole('button', { name: 'Crea la bozza' }).click();
    await anci.getByRole('heading', { name: 'Modifica la voce' }).waitFor();
    await settled(anci, 'a draft entry with its check');
    await anci.goto(`${env.baseUrl}/assistenza-tecnica/cifre`);
    await anci.getByRole('table', { name: 'Richieste per tema' }).waitFor();
    await settled(anci, 'the figures');
  });

  it('the knowledge base is searched by logged-in users and in public', async () => {
    const officer = await signedIn(env, OFFICER);
    officer.setDefaultTimeout(20_000);
    await officer.goto(`${env.baseUrl}/base-di-conoscenza?q=rimborso`);
    await officer.getByRole('status').filter({ hasText: 'risultati' }).waitFor();
    await settled(officer, 'the knowledge base (logged in)');

    const visitor = await env.newPage();
    visitor.setDefaultTimeout(20_000);
    await visitor.goto(`${env.baseUrl}/domande-frequenti`);
    await visitor.getByRole('heading', { level: 1, name: 'Domande frequenti' }).waitFor();
    await visitor.getByLabel('Cerca').fill('IVA');
    await visitor.getByRole('button', { name: 'Cerca' }).click();
    const first = visitor.locator('main li h2 a').first();
    await first.waitFor();
    await settled(visitor, 'the public knowledge base');
    await first.click();
    await visitor.getByRole('heading', { name: 'Risposta' }).waitFor();
    await settled(visitor, 'a public entry');
  });
});
