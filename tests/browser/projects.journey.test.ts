/**
 * Issue 12 as one continuous journey, in Chromium with axe on every page, on the projects' demo
 * accounts: Latina's responsabile amministrativo designs a project under the demo's FAMI call
 * (logical framework, an activity, a budget whose caps are checked live as it is typed) and
 * presents it; MLPS approves the budget; the Comune starts the project and records two expenses
 * typed the Italian way, each with its invoice, loaded and validated; Latina's referente assigns
 * the demo revisore; the amministrativo makes a claim for the half year with both expenses and
 * sends it; the revisore takes it into verification, finds one expense eligible and one partly
 * eligible with a reason (having opened the invoice from the claim), issues the verbale and
 * downloads it (PDF) with Allegato 1 (XLSX); MLPS approves the claim, which the Comune reads as
 * approved; ANCI finds the project on the national dashboard, filtered, and opens its claims.
 */
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled, signedIn, startBrowserEnv, type BrowserEnv } from './support.js';

const AMMINISTRATIVO = 'amministrativo.latina@demo.incas.local';
const REFERENTE = 'referente.latina@demo.incas.local';
const REVISORE = 'revisore@demo.incas.local';
const MLPS = 'mlps@demo.incas.local';
const ANCI = 'assistenza.anci@demo.incas.local';
const TITLE = 'Ponti di comunità: orientamento e lavoro a Latina';
// the demo's calls are eligible from the 1st of January of last year (demo/plan.ts)
const Y = new Date().getUTCFullYear() - 1;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

/** Waits for a status message (the toasts and the forms' role="status" lines). */
const said = async (page: Page, text: string | RegExp): Promise<void> => {
  try {
    await expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  } catch (e) {
    // what the page said instead
    throw new Error(`${String(text)} not said; the page reads:\n${await page.locator('main').innerText()}`, {
      cause: e,
    });
  }
};

/** The claim's status as the facts list says it, in words. */
const claimStatus = (page: Page) => page.locator('dl dt:text-is("Stato") + dd').first().innerText();

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function recordExpense(
  page: Page,
  projectUrl: string,
  e: { number: string; date: string; issuer: string; net: string; vat: string; charged: string; paidOn: string },
): Promise<void> {
  await page.goto(`${projectUrl}/spese`);
  await settled(page, 'the expenses of the project');
  await page.getByRole('link', { name: 'Nuova spesa' }).click();
  await page.getByLabel(/Tipo di documento/).waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByLabel(/Tipo di documento/).selectOption({ label: 'Fattura' });
  await page.getByLabel(/Numero del documento/).fill(e.number);
  await page.getByLabel(/Data del documento/).fill(e.date);
  await page.getByLabel(/Fornitore o emittente/).fill(e.issuer);
  await page.getByLabel(/^Imponibile/).fill(e.net);
  await page.getByLabel(/^IVA$/).fill(e.vat);
  await page.getByLabel(/Importo imputato al progetto/).fill(e.charged);
  await page
    .getByLabel(/Voce di budget/)
    .selectOption({ label: 'A2 Operatori e mediatori — Operatori e mediatori interculturali' });
  await page.getByLabel(/Data del pagamento/).fill(e.paidOn);
  await page.getByLabel(/Mezzo di pagamento/).selectOption({ label: 'Bonifico' });
  await page.getByLabel(/Importo pagato/).fill(e.charged);
  await page.getByLabel(/Riferimento del pagamento/).fill(`CRO ${e.number}`);
  await settled(page, 'new expense, filled in');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.waitForURL((u) => /\/spese\/[0-9a-f-]{36}$/.test(u.pathname));
  await page.getByLabel(/File \(PDF, PNG o JPEG/).setInputFiles({
    name: `fattura ${e.number.replace('/', '-')}.pdf`,
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await page.getByRole('button', { name: 'Allega' }).click();
  await said(page, 'Documento allegato.');
  await page.getByRole('button', { name: 'Segna come caricata' }).click();
  await said(page, 'Stato attuale: Caricata');
  await page.getByRole('button', { name: 'Valida', exact: true }).click();
  await said(page, 'Stato attuale: Validata');
  await settled(page, 'a validated expense');
}

describe('an MLPS-funded project from its design to the approved claim', () => {
  it('designs, spends, claims, verifies, approves and shows it nationally', async () => {
    // ── 1. the Comune designs the project ──
    const comune = await signedIn(env, AMMINISTRATIVO);
    await comune.goto(`${env.baseUrl}/progetti`);
    await settled(comune, 'projects list (Comune)');
    await comune.getByRole('link', { name: 'Nuovo progetto' }).click();
    await comune.waitForURL(/\/progetti\/nuovo$/);
    await settled(comune, 'new project');
    await comune.locator('#project-call').selectOption({
      label: `PN FAMI 2021-2027 – Avviso 1/${Y}: inclusione socio-lavorativa dei migranti vulnerabili (demo)`,
    });
    await comune.getByLabel('Titolo').fill(TITLE);
    await comune.getByLabel('CUP').fill(`E${String(Y).slice(2)}B26000123001`);
    await comune.getByLabel('Data di inizio').fill(`${Y}-02-01`);
    await comune.getByLabel('Data di fine').fill(`${Y + 2}-06-30`);
    await comune.getByRole('button', { name: 'Crea il progetto' }).click();
    await comune.waitForURL(/\/progetti\/[0-9a-f-]{36}$/).catch(async () => {
      throw new Error(
        `not created: ${(await comune.locator('.alert, .invalid-feedback').allTextContents()).join(' | ')}`,
      );
    });
    const projectUrl = comune.url();
    await comune.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await comune.locator('#logframe-code').fill('OG');
    await comune.locator('#logframe-text').fill('Accompagnare i migranti vulnerabili verso il lavoro');
    await comune.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await said(comune, 'Accompagnare i migranti vulnerabili verso il lavoro');
    await comune.locator('#activity-code').fill('1');
    await comune.locator('#activity-title').fill('Orientamento e tirocini');
    await comune.locator('#activity-end').fill(`${Y + 1}-12-31`);
    await comune.getByRole('button', { name: "Aggiungi l'attività" }).click();
    await comune.getByTestId('gantt').waitFor();
    await settled(comune, 'project page with its logframe and activity');

    // the budget: the revisore's line over its cap, said live, then brought within it
    await comune.getByRole('link', { name: 'Budget' }).click();
    await comune.getByRole('button', { name: 'Aggiungi una riga' }).waitFor();
    const lines: [string, string, string][] = [
      ['A2', 'Operatori e mediatori interculturali', '100.000'],
      ['G1', 'Revisore indipendente', '8.000,00'],
      ['IND', 'Costi indiretti', '7.000,00'],
    ];
    for (const [i, [category, description, amount]] of lines.entries()) {
      await comune.getByRole('button', { name: 'Aggiungi una riga' }).click();
      await comune.locator(`#line-${i}-category`).selectOption(category);
      await comune.locator(`#line-${i}-description`).fill(description);
      await comune.locator(`#line-${i}-amount`).fill(amount);
    }
    await said(comune, 'G1 Revisore: 8% dei costi diretti, massimo 7%');
    await settled(comune, 'budget editor with a broken cap');
    await comune.locator('#line-1-amount').fill('7.000');
    await said(comune, 'G1 Revisore: 7% dei costi diretti, massimo 7%');
    await comune.getByRole('button', { name: 'Salva il budget' }).click();
    await said(comune, 'Budget salvato.');
    await comune.goto(projectUrl);
    await comune.getByRole('button', { name: 'Presenta al Ministero' }).click();
    await said(comune, 'Il progetto ora è: Presentato al Ministero.');

    // MLPS approves the budget
    const mlps = await signedIn(env, MLPS);
    await mlps.goto(`${projectUrl}/budget`);
    await mlps.getByRole('heading', { name: 'Decisione del Ministero' }).waitFor();
    await settled(mlps, 'budget page, MLPS deciding');
    await mlps.getByLabel('Nota').fill('Conforme all’avviso');
    await mlps.getByRole('button', { name: 'Approva' }).click();
    await expect.poll(() => mlps.getByText('in vigore', { exact: true }).count()).toBe(1);

    // the Comune starts it
    await comune.goto(projectUrl);
    await comune.getByRole('button', { name: 'Avvia il progetto' }).click();
    await said(comune, /Il progetto ora è: In corso/);
    await settled(comune, 'a running project');

    // ── 2. two expenses, each with its invoice, loaded and validated ──
    await recordExpense(comune, projectUrl, {
      number: 'FT 31/' + Y,
      date: `${Y}-03-15`,
      issuer: 'Cooperativa Ponti Aperti',
      net: '1.234,50',
      vat: '271,59',
      charged: '1.506,09',
      paidOn: `${Y}-04-10`,
    });
    await recordExpense(comune, projectUrl, {
      number: 'FT 58/' + Y,
      date: `${Y}-04-20`,
      issuer: 'Mediazione Interculturale Pontina',
      net: '2.000,00',
      vat: '0,00',
      charged: '2.000,00',
      paidOn: `${Y}-05-12`,
    });
    await comune.goto(`${projectUrl}/spese`);
    await settled(comune, 'the expenses, validated');
    await expect.poll(() => comune.locator('tbody tr').filter({ hasText: 'Validata' }).count()).toBe(2);

    // ── 3. the referente assigns the revisore; the amministrativo makes and sends the claim ──
    const referente = await signedIn(env, REFERENTE);
    await referente.goto(`${projectUrl}/domande`);
    await referente.getByRole('heading', { name: 'Revisori indipendenti' }).waitFor();
    await settled(referente, 'claims page (referente)');
    await referente.getByLabel('Cerca il revisore per nome o società').fill('Revisora');
    const choice = referente.getByLabel('Revisore', { exact: true });
    await expect.poll(() => choice.locator('option').count()).toBeGreaterThan(1);
    await choice.selectOption({ index: 1 });
    await referente.getByLabel('Spese dal').last().fill(`${Y}-01-01`);
    await referente
      .getByLabel('Spese al')
      .last()
      .fill(`${Y + 2}-06-30`);
    await referente.getByLabel('Incarico valido dal').fill(`${Y}-01-01`);
    await referente.getByLabel('Incarico valido al').fill(`${Y + 2}-12-31`);
    await referente.getByRole('button', { name: "Conferisci l'incarico" }).click();
    await said(referente, 'Incarico conferito.');
    await expect.poll(() => referente.getByRole('cell', { name: 'Revisora Demo' }).count()).toBe(1);
    await settled(referente, 'claims page with the revisore assigned');

    await comune.goto(`${projectUrl}/domande`);
    await settled(comune, 'claims page (amministrativo)');
    await comune.getByLabel('Spese dal').first().fill(`${Y}-01-01`);
    await comune.getByLabel('Spese al').first().fill(`${Y}-06-30`);
    await comune.getByRole('button', { name: 'Crea la domanda' }).click();
    await comune.waitForURL(/\/domande\/[0-9a-f-]{36}$/);
    const claimUrl = comune.url();
    await comune.getByRole('heading', { name: 'Scelta delle spese' }).waitFor();
    await settled(comune, 'a draft claim');
    for (const doc of [`FT 31/${Y}`, `FT 58/${Y}`]) {
      // the document in words, not its code
      await comune.getByRole('checkbox', { name: new RegExp(`^Includi Fattura n\\. ${doc} di `) }).check();
    }
    await comune.getByRole('button', { name: 'Salva le spese scelte' }).click();
    await said(comune, 'Spese della domanda salvate.');
    await said(comune, '3.506,09 €');
    comune.once('dialog', (d) => void d.accept());
    await comune.getByRole('button', { name: 'Invia la domanda' }).click();
    await expect.poll(() => claimStatus(comune)).toBe('Inviata');
    await settled(comune, 'a sent claim');

    // ── 4. the revisore verifies and issues the verbale ──
    const revisore = await signedIn(env, REVISORE);
    // from the menu, as a revisore signing in finds the assignments
    await revisore.getByRole('link', { name: 'I miei incarichi' }).first().click();
    await revisore.waitForURL(/\/revisore$/);
    await settled(revisore, "the revisore's assignments");
    await revisore.getByRole('link', { name: `Domande di rimborso di ${TITLE}` }).click();
    await revisore.getByRole('link', { name: /Apri la domanda n\. 1/ }).click();
    await revisore.waitForURL(claimUrl);
    await settled(revisore, 'the claim, sent (revisore)');
    await revisore.getByRole('button', { name: 'Avvia la verifica' }).click();
    /** The row of an expense in the claim: amounts, outcome and reasons. */
    const verified = (doc: string) =>
      revisore
        .locator('tbody tr')
        .filter({ hasText: `Fattura n. ${doc}` })
        .last()
        .innerText();
    await expect.poll(() => claimStatus(revisore)).toBe('In verifica');

    // the revisore opens the giustificativo and its invoice
    await revisore.getByRole('link', { name: `Fattura n. FT 31/${Y}` }).click();
    await revisore.waitForURL(/\/spese\/[0-9a-f-]{36}$/);
    await settled(revisore, 'an expense of the claim (revisore)');
    // read only for the revisore: no saving, no change of state, no upload
    expect(await revisore.getByRole('button', { name: /^(Salva|Segna come caricata|Valida|Allega)$/ }).count()).toBe(0);
    const [invoice] = await Promise.all([
      revisore.waitForEvent('download'),
      revisore.getByRole('link', { name: `Scarica fattura FT 31-${Y}.pdf` }).click(),
    ]);
    expect((await bytesOf(invoice)).equals(PDF)).toBe(true);
    await revisore.goBack();
    await revisore.waitForURL(claimUrl);
    await revisore.getByRole('button', { name: `Verifica la spesa Fattura n. FT 31/${Y}` }).click();
    await revisore.locator('label', { hasText: /^Ammissibile$/ }).click();
    await expect.poll(() => revisore.getByLabel('Ammissibile', { exact: true }).isChecked()).toBe(true);
    await settled(revisore, 'verifying an expense');
    await revisore.getByRole('button', { name: 'Salva la verifica' }).click();
    await expect.poll(() => verified(`FT 31/${Y}`)).toMatch(/1\.506,09 €\s+1\.506,09 €\s+Ammissibile/);

    await revisore.getByRole('button', { name: `Verifica la spesa Fattura n. FT 58/${Y}` }).click();
    await revisore.locator('label', { hasText: /^Parzialmente ammissibile$/ }).click();
    await revisore.getByLabel('Importo ammissibile').fill('1.500,00');
    await revisore.locator('label', { hasText: 'Congruità e ragionevolezza della spesa' }).click();
    await expect.poll(() => revisore.getByLabel('Congruità e ragionevolezza della spesa').isChecked()).toBe(true);
    await revisore.getByLabel('Nota del revisore').fill('Tariffa oraria oltre i parametri dell’avviso.');
    await revisore.getByRole('button', { name: 'Salva la verifica' }).click();
    await expect
      .poll(() => verified(`FT 58/${Y}`))
      .toMatch(/2\.000,00 €\s+1\.500,00 €\s+Parzialmente ammissibile\s+Congruità e ragionevolezza della spesa/);

    await revisore.getByLabel('Conclusioni del revisore').fill('Spese verificate a campione completo.');
    await revisore.getByRole('button', { name: 'Emetti il verbale' }).click();
    await said(revisore, /Verbale n\. [\d./]+ emesso il \d\d\/\d\d\/\d{4} da Revisora Demo/);
    // the history tells the verbale in words, not as a change of state
    await said(
      revisore,
      /: Verbale n\. [\d./]+: importo ammissibile 3\.006,09 €\. Spese verificate a campione completo\. – Revisora Demo$/,
    );
    await settled(revisore, 'the claim with its verbale');
    const [verbale] = await Promise.all([
      revisore.waitForEvent('download'),
      revisore.getByRole('link', { name: 'Verbale (PDF)' }).click(),
    ]);
    expect((await bytesOf(verbale)).subarray(0, 4).toString()).toBe('%PDF');
    const [allegato] = await Promise.all([
      revisore.waitForEvent('download'),
      revisore.getByRole('link', { name: 'Allegato 1 – spese verificate (XLSX)' }).click(),
    ]);
    // the expenses verified, with their outcomes and the eligible amounts
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(allegato)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cents = (v: unknown) => Math.round(Number(v) * 100);
    expect([4, 5].map((r) => sheet.getRow(r).getCell(7).value)).toEqual(['Ammissibile', 'Parzialmente ammissibile']);
    expect([4, 5].map((r) => cents(sheet.getRow(r).getCell(6).value))).toEqual([1_506_09, 1_500_00]);

    // ── 5. MLPS approves; ANCI finds the project nationally ──
    await mlps.goto(claimUrl);
    await settled(mlps, 'the claim with its verbale (MLPS)');
    await mlps.getByRole('button', { name: 'Approva la domanda' }).click();
    await expect.poll(() => claimStatus(mlps)).toBe('Approvata');
    await expect.poll(() => mlps.getByText('3.006,09 €').count()).toBeGreaterThan(0);
    await settled(mlps, 'the approved claim');

    // the Comune reads it on its list of claims
    await comune.goto(`${projectUrl}/domande`);
    await settled(comune, 'claims page with the approved claim');
    await expect.poll(() => comune.locator('tbody tr').filter({ hasText: 'Approvata' }).count()).toBe(1);

    const anci = await signedIn(env, ANCI);
    await anci.getByRole('link', { name: 'Cruscotto progetti' }).first().click();
    await anci.waitForURL(/\/progetti\/cruscotto/);
    await settled(anci, 'the national dashboard');
    // Lazio's running projects: Latina's among them
    await anci.getByLabel('Regione', { exact: true }).selectOption({ label: 'Lazio' });
    // one filter at a time: the page reloads its data after each
    await anci.waitForURL(/region=/);
    await settled(anci, 'the national dashboard, one Region');
    await anci.getByLabel('Stato del progetto', { exact: true }).selectOption({ label: 'In corso' });
    await anci.waitForURL(/region=.*status=IN_CORSO|status=IN_CORSO.*region=/);
    await settled(anci, 'the national dashboard, filtered');
    await anci.getByRole('link', { name: TITLE }).first().click();
    await anci.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await settled(anci, 'the project (ANCI)');
    await anci.getByRole('link', { name: 'Domande di rimborso' }).first().click();
    await anci.waitForURL(/\/domande$/);
    await settled(anci, 'the claims of the project (ANCI)');
    await expect.poll(() => anci.locator('tbody tr').filter({ hasText: 'Approvata' }).count()).toBe(1);
  });
});
