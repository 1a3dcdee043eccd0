/**
 * The publications in the browser (issue 14 item 3): a visitor with no login searches the library
 * for a word, finds the demo's Handbook (October 2025), opens its page with its two versions and
 * downloads the PDF, which passes the accessibility check; the demo's ANCI assistenza tecnica opens
 * the draft whose PDF fails the check, reads why in Italian, uploads a tagged PDF as a new version
 * and publishes it. Every page is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taggedPdf } from '../../server/platform/documents/index.js';
import { checkPdfAccessibility } from '../../server/modules/knowledge/publications/publications.pdf-check.js';
import { type BrowserEnv, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

const HANDBOOK = 'Manuale operativo per i Comuni — DOCUMENTO DIMOSTRATIVO';

describe('publications', () => {
  it('a visitor with no login finds the Handbook by a word, opens it and downloads the PDF', async () => {
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${env.baseUrl}/pubblicazioni`);
    await page.getByRole('heading', { name: 'Pubblicazioni', level: 1 }).waitFor();
    await settled(page, 'the public library');
    await page.getByLabel('Cerca', { exact: true }).fill('manuali');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('heading', { name: '1 pubblicazione' }).waitFor();
    await page.getByRole('link', { name: HANDBOOK }).click();
    await page.getByRole('heading', { name: HANDBOOK, level: 1 }).waitFor();
    await page.getByText('15/10/2025').first().waitFor();
    await page.getByText('Prima stesura').waitFor();
    await settled(page, "a publication's public page");
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Scarica il PDF \(versione 2/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^manuale-operativo-per-i-comuni-documento-dimostrativo-v2\.pdf$/);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await checkPdfAccessibility(pdf)).accessible).toBe(true);
  });

  it('the organiser sees why a PDF fails, uploads a tagged one and publishes it', async () => {
    const page = await signedIn(env, 'assistenza.anci@demo.incas.local');
    page.setDefaultTimeout(20_000);
    await page.getByRole('link', { name: 'Pubblicazioni', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Gestione delle pubblicazioni', level: 1 }).waitFor();
    await settled(page, "the organisers' list of publications");
    await page.getByRole('link', { name: /Linee guida per la rendicontazione/ }).click();
    await page.getByText('Il PDF non è marcato (tagged)').first().waitFor();
    await settled(page, "a draft publication's page");
    await page.getByLabel('File PDF').setInputFiles({
      name: 'linee-guida.pdf',
      mimeType: 'application/pdf',
      buffer: taggedPdf({ title: 'Linee guida (prova)', sections: [{ heading: 'Uno', paragraphs: ['Testo.'] }] }),
    });
    await page.getByRole('button', { name: 'Carica la versione' }).click();
    await page.getByText('Versione 2 caricata: verifica di accessibilità superata.').waitFor();
    await page.getByRole('button', { name: 'Pubblica la versione 2' }).click();
    await page.getByText('Versione 2 pubblicata.').waitFor();
    await page.getByRole('link', { name: 'Vedi la pagina pubblica' }).waitFor();
    await settled(page, 'a published publication');
  });
});
