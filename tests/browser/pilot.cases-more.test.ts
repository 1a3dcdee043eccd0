/**
 * The rest of the 18-ter case management as the referente of Catania uses it: importing
 * beneficiaries from a CSV saved in Windows-1252 (checked first, then only the valid rows), exporting the cases as
 * XLSX, recording an outcome (the Assegno di inclusione) on a demo case, moving a referral on to a
 * case, and reading an earlier version of a PAI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, daysAgo, settled, signedIn, startBrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

const csv = [
  'cognome;nomi;data_nascita;sesso;paese_nascita;cittadinanze;lingue;codice_fiscale;telefono;email;indirizzo;data_presa_in_carico;in_sai',
  `Importàti;Nicolò Riga;1991-03-04;M;IN;IN;pa;;;;;${daysAgo(5)};si`,
  `Importati;Seconda Riga;1988-11-20;F;PK;PK;ur;;;;;${daysAgo(4)};no`,
  `Importati;Riga Sbagliata;1990-13-45;Q;IN;IN;;;;;;${daysAgo(3)};si`,
].join('\n');
// as Excel on Italian Windows saves it: Windows-1252 (here within Latin-1), not UTF-8
const file = { name: 'beneficiari.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') };

describe('import, export and outcomes of the 18-ter cases in Catania', () => {
  it('imports a CSV, exports XLSX, records an ADI outcome, moves a referral on and opens an earlier PAI version', async () => {
    const ref = await signedIn(env, 'referente.catania@demo.incas.local');
    await ref.goto(env.baseUrl + '/casi');
    await expect.poll(() => ref.locator('h1').textContent()).toContain('Casi del pilota 18-ter');
    await settled(ref, '/casi (referente)');

    // the import disclosure: check only
    await ref.getByText('Importa beneficiari', { exact: true }).click();
    await expect
      .poll(() => ref.getByRole('link', { name: /Scarica il modello CSV/ }).getAttribute('href'))
      .toBe('/api/v1/pilot/import/template.csv');
    await ref.getByLabel('File CSV o XLSX').setInputFiles(file);
    await ref.getByText('Verifica soltanto', { exact: true }).click();
    await ref.getByRole('button', { name: 'Verifica il file' }).click();
    const report = ref.getByRole('table', { name: 'Esito riga per riga' });
    await report.waitFor();
    await expect
      .poll(() => ref.getByRole('status').filter({ hasText: 'Esito della verifica' }).textContent())
      .toMatch(/Codifica rilevata: Windows-1252.*Righe: 3.*Valide: 2.*Non valide: 1.*Importate: 0/);
    await expect.poll(() => report.locator('tbody tr').count()).toBe(3);
    const bad = report.locator('tbody tr').filter({ has: ref.locator('th', { hasText: /^4$/ }) });
    await expect.poll(() => bad.textContent()).toContain('Non valida');
    // the errors in their own table: row, column as the file names it, and the value in words
    const errors = ref.getByRole('table', { name: 'Errori riga per riga' });
    await expect
      .poll(() => errors.locator('tbody tr').filter({ hasText: 'data_nascita' }).textContent())
      .toContain("4data_nascita'1990-13-45' non è una data valida (gg/mm/aaaa)");
    await settled(ref, '/casi import report (dry run)');

    // then only the valid rows
    await ref.getByText('Importa solo le righe valide', { exact: true }).click();
    await expect.poll(() => ref.getByLabel('Importa solo le righe valide').isChecked()).toBe(true);
    await ref.getByRole('button', { name: 'Importa', exact: true }).click();
    await expect
      .poll(() => ref.getByRole('status').filter({ hasText: 'righe valide' }).textContent())
      .toMatch(/Importate: 2/);
    await expect.poll(() => report.getByText('Importata', { exact: true }).count()).toBe(2);
    await settled(ref, '/casi import report (valid rows imported)');

    // the export, with the session cookie
    const download = await ref.evaluate(async () => {
      const r = await fetch('/api/v1/pilot/export/cases.xlsx');
      return { status: r.status, type: r.headers.get('content-type') ?? '' };
    });
    expect(download.status).toBe(200);
    expect(download.type).toContain('spreadsheetml');
    await expect
      .poll(() => ref.getByRole('link', { name: 'Esporta XLSX' }).getAttribute('href'))
      .toBe('/api/v1/pilot/export/cases.xlsx');

    // a demo case of Catania: an ADI outcome in "Esiti e lavoro"
    await ref.goto(env.baseUrl + '/casi?status=ammesso_misure');
    const first = ref
      .getByRole('table', { name: /Casi trovati/ })
      .locator('tbody tr th a')
      .first();
    await first.waitFor();
    await first.click();
    await ref.waitForURL(/\/casi\/[0-9a-f-]{36}$/);
    await ref
      .getByRole('navigation', { name: 'Sezioni del caso' })
      .getByRole('link', { name: 'Esiti', exact: true })
      .click();
    await ref.getByRole('heading', { name: 'Esiti e lavoro' }).waitFor();
    await settled(ref, 'case detail with outcomes');
    const outcomes = ref.getByRole('table', { name: 'Esiti dei componenti del nucleo' });
    const adi = async () =>
      (await outcomes.count()) === 0 ? 0 : outcomes.getByText('Assegno di inclusione (ADI)').count();
    const before = await adi();
    // the form opens on demand and closes after success
    const openForm = () => ref.getByRole('button', { name: 'Registra un esito' }).click();
    const form = ref.getByRole('form', { name: 'Registra esito' });
    await openForm();
    await form.getByLabel('Esito').selectOption('assegno_inclusione');
    await form.getByLabel('Data', { exact: true }).fill(daysAgo(1));
    await form.getByRole('button', { name: 'Registra esito' }).click();
    await expect.poll(adi).toBe(before + 1);
    await settled(ref, 'case detail with an ADI outcome');

    // a follow-up on an open case is refused with the server's reason
    await openForm();
    await form.getByLabel('Esito').selectOption('follow_up_6');
    await form.getByLabel('La persona lavora a questa data?').selectOption('si');
    await form.getByRole('button', { name: 'Registra esito' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain("dopo l'uscita dal programma");
    await settled(ref, 'case detail with a refused follow-up');

    // a referral still in screening: its permit procedure starts, then the person is taken into care
    await ref.goto(env.baseUrl + '/segnalazioni?outcome=in_screening');
    const update = ref.getByRole('form', { name: /^Aggiorna l'esito della segnalazione/ }).first();
    await update.waitFor();
    await settled(ref, '/segnalazioni with outcome forms');
    await update.locator('select').selectOption('permesso_avviato');
    await update.getByRole('button', { name: "Aggiorna l'esito" }).click();
    await expect.poll(() => ref.getByText('Esito aggiornato.').count()).toBeGreaterThan(0);
    await ref.goto(env.baseUrl + '/segnalazioni?outcome=permesso_avviato');
    const take = ref.getByRole('link', { name: /^Prendi in carico/ }).first();
    await take.waitFor();
    await settled(ref, '/segnalazioni (permits started)');
    await take.click();
    await ref.waitForURL(/\/casi\/nuovo\?segnalazione=[0-9a-f-]{36}$/);
    await ref.getByText('Il caso sarà collegato alla segnalazione da cui proviene.').waitFor();
    await settled(ref, '/casi/nuovo from a referral');

    // an earlier version of a PAI under revision opens its frozen objectives and measures
    const { rows } = await env.db.ownerQuery(
      `SELECT v.pai_id::text AS id, v.version FROM pilot_pai_versions v JOIN pilot_pais p ON p.id = v.pai_id
        JOIN pilot_cases c ON c.id = p.case_id JOIN comuni m ON m.istat_code = c.comune_istat
       WHERE m.name = 'Catania' ORDER BY v.pai_id LIMIT 1`,
    );
    const version = rows[0] as { id: string; version: number } | undefined;
    expect(version, 'a frozen PAI version in Catania').toBeDefined();
    await ref.goto(env.baseUrl + `/pai/${version!.id}`);
    await ref.getByRole('heading', { name: 'Versioni precedenti' }).waitFor();
    await ref.getByText(`Versione ${version!.version}, congelata il`).click();
    // the snapshot opens inside that version's disclosure: its objectives heading, and its measures or their absence
    const opened = ref.locator('details[open]').filter({ hasText: `Versione ${version!.version}, congelata il` });
    await opened.getByRole('heading', { name: 'Obiettivi' }).waitFor();
    await opened
      .getByRole('table', { name: `Misure della versione ${version!.version}` })
      .or(opened.getByText('Nessuna misura'))
      .first()
      .waitFor();
    await settled(ref, 'PAI with an earlier version open');
  });
});
