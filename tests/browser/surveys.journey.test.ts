/**
 * Issue 10 as one continuous journey, in Chromium with axe on every page, on the demo accounts of
 * the surveys (the surveys' demo seed): ANCI's survey office uploads an XLSForm, reads the import
 * report, previews the questionnaire as a Comune sees it (Italian and English, a constraint's
 * message, a repeat, "Cosa manca", the answers as text) and publishes it; composes a wave on the
 * Comuni above 15,000 inhabitants, reads its count before launch and launches it. Saluzzo (17,642
 * inhabitants, so in that universe) answers: its compilatore fills half, leaves, signs in again
 * the next day in a fresh browser (nothing kept in the browser: the answers come from the server)
 * and completes; its validatore sends with the declaration. ANCI opens the review queue, flags one
 * answer with a reason and returns the questionnaire; the Comune reads the reason next to the
 * question, can change only that answer, fixes it and sends again; ANCI reads the change (before
 * and after) in the history and validates.
 *
 * On the same wave: MLPS follows it without any button that changes it, and ANCI issues a
 * personal link shown once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALUZZO } from '../../server/modules/surveys/demo/plan.js';
import { smallSurvey, xlsForm } from '../support/xlsform.js';
import { expectAccessible, settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

const ANCI = 'indagini.anci@demo.incas.local';
const COMPILATORE = 'compilatore.saluzzo@demo.incas.local';
const VALIDATORE = 'validatore.saluzzo@demo.incas.local';
const SURVEY = 'Insediamenti informali e servizi';
const WAVE = 'Rilevazione 2027 – Comuni sopra i 15.000 abitanti';
const REASON = 'Il dato sembra alto rispetto al censimento 2021: può verificarlo?';

let env: BrowserEnv;
let over15k: number;
let waveUrl = '';

beforeAll(async () => {
  env = await startBrowserEnv({ surveys: true });
  // the surveys' demo accounts: ANCI's survey office and Saluzzo's compilatore and validatore
  const accounts = await env.db.ownerTx((tx) =>
    tx.query<{ email: string }>('SELECT email FROM users WHERE email = ANY($1::text[])', [
      [ANCI, COMPILATORE, VALIDATORE],
    ]),
  );
  expect(accounts.map((a) => a.email).sort()).toEqual([ANCI, COMPILATORE, VALIDATORE].sort());
  const [n] = await env.db.ownerTx((tx) =>
    tx.query<{ n: number; saluzzo: number }>(
      'SELECT count(*)::int AS n, max(population) FILTER (WHERE istat_code = $1)::int AS saluzzo FROM comuni WHERE population > 15000',
      [SALUZZO],
    ),
  );
  // Saluzzo must be in the universe the journey launches
  expect(n!.saluzzo).toBeGreaterThan(15_000);
  over15k = n!.n;
});
afterAll(async () => env?.close());

const italian = (n: number) => new Intl.NumberFormat('it-IT').format(n);
const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

const saved = (page: Page) =>
  expect
    .poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 })
    .toMatch(/^Salvato alle \d\d:\d\d$/);

/** Waits for the requests to settle (the page's heading is already there) and runs axe. */
async function accessibleHere(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, where);
}

/** From "Questionari" in the menu to this wave's questionnaire of the Comune. */
async function openQuestionnaire(page: Page, where: string): Promise<void> {
  await page.getByRole('link', { name: 'Questionari', exact: true }).first().click();
  await page.waitForURL(/\/questionari$/);
  await settled(page, `my questionnaires (${where})`);
  await page.getByRole('link', { name: `${SURVEY} – ${WAVE}` }).click();
  await page.waitForURL(/\/questionari\/[0-9a-f-]{36}$/);
  await page.getByLabel(/Ufficio referente/).waitFor();
}

describe('a national survey from the XLSForm to the validated answers of a Comune', () => {
  it('goes from the upload to the validation through a return for correction', async () => {
    // ── ANCI: the survey, its XLSForm and the import report ──
    const anci = await signedIn(env, ANCI);
    await anci.getByRole('link', { name: 'Indagini', exact: true }).first().click();
    await anci.waitForURL(/\/indagini$/);
    await settled(anci, 'surveys list (ANCI)');
    // a code that is not one is said next to the field
    await anci.getByLabel('Codice').fill('Con Spazi');
    await anci.getByLabel('Titolo (italiano)').fill(SURVEY);
    await anci.getByRole('button', { name: 'Crea indagine' }).click();
    await expect.poll(() => anci.getByText(/Usare da 2 a 63 caratteri/).count()).toBe(1);
    await anci.getByLabel('Codice').fill('insediamenti-servizi');
    await anci.getByLabel('Titolo (inglese)').fill('Informal settlements and services');
    await anci.getByRole('button', { name: 'Crea indagine' }).click();
    await anci.getByRole('link', { name: SURVEY }).click();
    await anci.waitForURL(/\/indagini\/[0-9a-f-]{36}$/);
    const surveyUrl = new URL(anci.url()).pathname;
    await settled(anci, 'survey without versions (ANCI)');
    await expect.poll(() => anci.getByText('Nessuna versione: importare un XLSForm.').count()).toBe(1);

    // the workbook of tests/support/xlsform.ts with a geopoint, which InCaS leaves out and says so
    const sheet = [
      ...smallSurvey.slice(0, 3),
      ['geopoint', 'posizione', 'Posizione dello sportello', 'Desk location', ...Array<null>(7).fill(null)],
      ...smallSurvey.slice(3),
    ];
    await anci.getByLabel('File XLSForm (.xlsx)').setInputFiles({
      name: 'insediamenti.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsForm({ survey: sheet }),
    });
    await anci.getByRole('button', { name: 'Importa' }).click();
    await expect.poll(() => anci.getByText(/Bozza creata: 6 domande/).count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() =>
        anci.getByText(/riga 4, colonna type: .*"geopoint" lasciata fuori: InCaS non conserva coordinate/).count(),
      )
      .toBe(1);
    await expect.poll(async () => (await anci.locator('tbody tr').first().textContent()) ?? '').toContain('Bozza');
    await accessibleHere(anci, 'survey with the import report (ANCI)');

    // ── the preview, as a Comune sees it ──
    await anci.getByRole('link', { name: 'Anteprima' }).last().click();
    await anci.waitForURL(/\/indagini\/versioni\//);
    await settled(anci, 'questionnaire preview, Italian (ANCI)');
    await expect
      .poll(() => anci.getByRole('heading', { name: 'A. Dati generali' }).count(), { timeout: 10_000 })
      .toBe(1);
    const workers = anci.getByLabel(/Lavoratori stagionali stimati/);
    await workers.fill('250000');
    await expect.poll(() => anci.getByText('Indicare un numero tra 0 e 100.000').count()).toBeGreaterThan(0);
    expect(await workers.getAttribute('aria-invalid')).toBe('true');
    await workers.fill('1.200');
    await expect.poll(() => anci.getByText('Indicare un numero tra 0 e 100.000').count()).toBe(0);
    // Bootstrap Italia draws checkboxes and radios on their labels: a user clicks the label
    await anci.locator('label', { hasText: 'Altro (specificare)' }).click();
    await anci.getByLabel('Specificare «Altro»').fill('Presidio sanitario');
    await anci.locator('label', { hasText: /^Sì$/ }).click();
    await accessibleHere(anci, 'questionnaire preview with answers (ANCI)');
    // the repeat becomes relevant: one entry per settlement
    await anci.getByRole('button', { name: /^2\. B\. Insediamenti/ }).click();
    await anci.getByRole('button', { name: 'Aggiungi: B. Insediamenti' }).click();
    await anci.getByLabel(/Località/).fill('Borgo Mezzanone');
    await anci.getByLabel(/Persone presenti/).fill('-3');
    await expect.poll(() => anci.getByText('Il valore inserito non è accettato').count()).toBeGreaterThan(0);
    // "Cosa manca" links to the question left unanswered, in its section
    await anci.getByRole('link', { name: /Ufficio referente/ }).click();
    await expect.poll(() => anci.evaluate(() => document.activeElement?.getAttribute('id') ?? '')).toMatch(/ufficio$/);
    await anci.getByLabel(/Ufficio referente/).fill('Servizi sociali');
    // the section buttons' colours change with a transition (Bootstrap's .btn): axe after it ends
    await anci.waitForTimeout(500);
    await expectAccessible(anci, 'questionnaire preview, what is missing (ANCI)');
    // the same questionnaire in English
    await anci.locator('label', { hasText: /^Inglese$/ }).click();
    await expect.poll(() => anci.getByRole('heading', { name: 'A. General data' }).count()).toBe(1);
    await expect.poll(() => anci.getByLabel(/Estimated seasonal workers/).inputValue()).toBe('1200');
    await anci.getByLabel(/Estimated seasonal workers/).fill('250000');
    await expect.poll(() => anci.getByText('Give a number between 0 and 100,000').count()).toBeGreaterThan(0);
    await expectAccessible(anci, 'questionnaire preview, English (ANCI)');
    // the answers as text, as a Comune sees them after sending
    await anci.getByLabel(/^Mostra le risposte come testo/).check({ force: true });
    await expect.poll(() => anci.getByText('Social services').count()).toBe(0);
    await expect.poll(() => anci.getByText('Servizi sociali', { exact: true }).count()).toBe(1);
    await expect.poll(() => anci.getByRole('textbox').count()).toBe(0);
    await expectAccessible(anci, 'questionnaire preview as text (ANCI)');

    // ── publication, after a confirmation ──
    await anci.getByRole('link', { name: SURVEY }).click();
    await anci.waitForURL(/\/indagini\/[0-9a-f-]{36}$/);
    await anci.getByRole('button', { name: /^Pubblica Bozza/ }).click();
    await expect.poll(() => anci.getByText(/Una versione pubblicata non cambia più/).count()).toBe(1);
    await expectAccessible(anci, 'publication confirmation (ANCI)');
    await anci.getByRole('button', { name: 'Conferma la pubblicazione' }).click();
    await expect.poll(() => anci.getByText(/pubblicata come versione 1/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await anci.locator('tbody tr').first().textContent()) ?? '').toContain('Pubblicata');
    await accessibleHere(anci, 'published survey (ANCI)');

    // ── the wave: the universe counted before launch, then launched ──
    expect(new URL(anci.url()).pathname).toBe(surveyUrl);
    await anci.getByRole('link', { name: 'Nuova rilevazione' }).click();
    await settled(anci, 'a new wave (ANCI)');
    await anci.getByLabel('Titolo (italiano)').fill(WAVE);
    await anci.getByLabel('Apertura').fill(isoDay(0));
    await anci.getByLabel('Chiusura').fill(isoDay(60));
    await anci.getByLabel('Tutti i Comuni').uncheck();
    await anci.getByLabel('Almeno (abitanti)').fill('15000');
    await anci.getByLabel('Esclusa la soglia (più di)').check();
    await expect
      .poll(
        () =>
          anci
            .getByText(/Comuni nell'universo: [\d.]+/)
            .first()
            .textContent(),
        { timeout: 15_000 },
      )
      .toContain(`Comuni nell'universo: ${italian(over15k)}`);
    await accessibleHere(anci, 'the rule builder with its count (ANCI)');
    await anci.getByRole('button', { name: 'Crea la rilevazione in bozza' }).click();
    await anci.waitForURL(/\/indagini\/rilevazioni\/[0-9a-f-]{36}$/);
    waveUrl = new URL(anci.url()).pathname;
    await settled(anci, 'the wave in draft (ANCI)');
    await anci.getByRole('button', { name: 'Avvia la rilevazione' }).click();
    await anci.getByRole('button', { name: "Conferma l'avvio" }).click();
    await anci.getByRole('heading', { name: 'Andamento' }).waitFor();
    await settled(anci, 'the launched wave with its funnel (ANCI)');
    await expect.poll(() => anci.locator('dl').first().textContent()).toContain(italian(over15k));

    // ── Saluzzo's compilatore fills half of it and leaves ──
    const day1 = await signedIn(env, COMPILATORE);
    await openQuestionnaire(day1, 'compilatore, day 1');
    await day1.getByLabel(/Ufficio referente/).fill('Servizi sociali');
    await day1.getByLabel(/Lavoratori stagionali stimati/).fill('1200');
    await saved(day1);
    await expect.poll(() => day1.getByText('Il validatore del Comune invierà il questionario.').count()).toBe(1);
    await accessibleHere(day1, 'fill page, half filled (compilatore)');
    await day1.context().close();

    // ── the next day, in a fresh browser: the answers are there, the compilatore completes ──
    const comp = await signedIn(env, COMPILATORE);
    await comp.getByRole('link', { name: 'Questionari', exact: true }).first().click();
    await comp.waitForURL(/\/questionari$/);
    const row = comp.locator('tr', { hasText: WAVE });
    await expect.poll(() => row.textContent()).toContain('In compilazione');
    expect(await row.textContent()).toMatch(/2 risposte su \d+ domande/);
    await openQuestionnaire(comp, 'compilatore, day 2');
    await expect.poll(() => comp.getByLabel(/Ufficio referente/).inputValue()).toBe('Servizi sociali');
    await expect.poll(() => comp.getByLabel(/Lavoratori stagionali stimati/).inputValue()).toBe('1200');
    await comp.locator('label', { hasText: 'Acqua potabile' }).click();
    await comp.locator('label', { hasText: /^No$/ }).click();
    await saved(comp);
    await expect.poll(() => comp.getByText('Nessuna risposta mancante o da correggere.').count()).toBe(1);
    await accessibleHere(comp, 'fill page, complete (compilatore)');

    // ── the validatore sends it with the declaration ──
    const val = await signedIn(env, VALIDATORE);
    await openQuestionnaire(val, 'validatore');
    await accessibleHere(val, 'fill page before sending (validatore)');
    expect(await val.getByRole('button', { name: 'Invia il questionario' }).isDisabled()).toBe(true);
    await val.locator('label[for="declaration"]').click();
    await val.getByRole('button', { name: 'Invia il questionario' }).click();
    await expect.poll(() => val.getByTestId('response-state').textContent()).toBe('Inviato');
    await accessibleHere(val, 'fill page after sending (validatore)');

    // ── ANCI: the review queue, a flag with its reason, the return ──
    await anci.getByRole('link', { name: 'Verifica delle risposte' }).click();
    await anci.waitForURL(/\/verifica$/);
    await settled(anci, 'review queue (ANCI)');
    await expect.poll(() => anci.locator('tbody tr').count()).toBe(1);
    await anci.getByRole('link', { name: 'Saluzzo' }).click();
    await settled(anci, 'review page (ANCI)');
    await anci.getByRole('button', { name: 'Inizia la verifica' }).click();
    await expect.poll(() => anci.getByTestId('response-state').textContent()).toBe('In verifica');
    await anci.getByLabel('Domanda').selectOption('lavoratori');
    await anci.getByLabel(/Motivo/).fill(REASON);
    await anci.getByRole('button', { name: 'Aggiungi la segnalazione' }).click();
    await anci.getByRole('button', { name: 'Restituisci per correzioni' }).waitFor();
    await expect.poll(() => anci.getByRole('button', { name: 'Valida il questionario' }).count()).toBe(0);
    await accessibleHere(anci, 'review page with a flag (ANCI)');
    await anci.getByRole('button', { name: 'Restituisci per correzioni' }).click();
    await expect.poll(() => anci.getByTestId('response-state').textContent()).toBe('Restituito per correzioni');
    await accessibleHere(anci, 'review page after the return (ANCI)');
    const reviewUrl = new URL(anci.url()).pathname;

    // ── the Comune: the reason next to the question, only that answer can change ──
    await comp.reload();
    const flagged = comp.getByLabel(/Lavoratori stagionali stimati/);
    await flagged.waitFor();
    await expect.poll(() => comp.getByTestId('response-state').textContent()).toBe('Restituito per correzioni');
    const note = comp.locator('label:has-text("Lavoratori stagionali stimati") + [role="note"]');
    await expect.poll(() => note.textContent()).toBe(`Da rivedere: ${REASON}`);
    expect(await flagged.getAttribute('aria-describedby')).toContain(await note.getAttribute('id'));
    await expect.poll(() => comp.getByTestId('flag-reasons').textContent()).toContain(REASON);
    expect(await flagged.isDisabled()).toBe(false);
    expect(await comp.getByLabel(/Ufficio referente/).isDisabled()).toBe(true);
    expect(await comp.getByLabel('Acqua potabile').isDisabled()).toBe(true);
    await flagged.fill('950');
    await saved(comp);
    await accessibleHere(comp, 'fill page after the return (compilatore)');

    await val.reload();
    await val.getByLabel(/Lavoratori stagionali stimati/).waitFor();
    await expect.poll(() => val.getByLabel(/Lavoratori stagionali stimati/).inputValue()).toBe('950');
    await val.locator('label[for="declaration"]').click();
    await val.getByRole('button', { name: 'Invia il questionario' }).click();
    await expect.poll(() => val.getByTestId('response-state').textContent()).toBe('Inviato');

    // ── ANCI: the change in the history, before and after; the validation ──
    await anci.goto(env.baseUrl + reviewUrl);
    await settled(anci, 'review page after the correction (ANCI)');
    const changes = anci.getByRole('table', { name: "Risposte cambiate dopo l'invio" });
    const change = changes.locator('tbody tr', { hasText: 'Lavoratori stagionali stimati' });
    await expect.poll(() => change.count()).toBe(1);
    expect((await change.locator('td').allTextContents()).slice(2, 4)).toEqual(['1200', '950']);
    await anci.getByRole('button', { name: 'Inizia la verifica' }).click();
    await anci.getByRole('button', { name: 'Valida il questionario' }).click();
    await expect.poll(() => anci.getByTestId('response-state').textContent()).toBe('Validato');
    await accessibleHere(anci, 'validated questionnaire (ANCI)');
    const [stored] = await env.db.ownerTx((tx) =>
      tx.query<{ status: string; answers: Record<string, unknown> }>(
        `SELECT wc.status, r.answers FROM survey_wave_comuni wc JOIN survey_responses r ON r.id = wc.id
          WHERE wc.wave_id = $1 AND wc.comune_istat = $2`,
        [waveUrl.split('/').pop(), SALUZZO],
      ),
    );
    expect(stored).toMatchObject({
      status: 'validato',
      answers: { ufficio: 'Servizi sociali', lavoratori: 950, servizi: 'acqua', ha_insediamenti: 'no' },
    });
  }, 240_000);

  it('is followed by MLPS without any button that changes it', async () => {
    expect(waveUrl).not.toBe('');
    const mlps = await signedIn(env, 'mlps@demo.incas.local');
    await mlps.goto(env.baseUrl + waveUrl);
    await mlps.getByRole('heading', { name: 'Andamento' }).waitFor();
    await settled(mlps, 'the wave as MLPS sees it');
    expect(await mlps.getByRole('button', { name: 'Chiudi la rilevazione' }).count()).toBe(0);
    expect(await mlps.getByRole('button', { name: 'Proroga la chiusura' }).count()).toBe(0);
  });

  it('lets ANCI issue a personal link to a Comune, shown once', async () => {
    expect(waveUrl).not.toBe('');
    const anci = await signedIn(env, ANCI);
    await anci.goto(env.baseUrl + waveUrl);
    await anci.getByRole('heading', { name: 'Andamento' }).waitFor();
    await anci
      .getByRole('button', { name: /Accesso e contatti/ })
      .first()
      .click();
    await anci.getByRole('button', { name: 'Emetti un link personale' }).click();
    await expect
      .poll(() => anci.getByText('Copiare ora il link: non sarà più mostrato.', { exact: false }).count())
      .toBeGreaterThan(0);
    expect(await anci.getByLabel('Link personale').inputValue()).toMatch(/\/q#[A-Za-z0-9_-]{43}$/);
    await accessibleHere(anci, 'a personal link just issued (ANCI)');
  });
});
