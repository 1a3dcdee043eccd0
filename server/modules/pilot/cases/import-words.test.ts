/**
 * Import files written the way people write them (issue 9, points 1 and 8): Excel for Windows' CSV
 * in Windows-1252 with ";" and CRLF, a UTF-8 file with a byte-order mark, dates as 05/03/1990,
 * Italian country and language names, several values in a cell separated by |, a stray ";", unknown
 * codes; messages in the user's language naming row, column and value, never a validator's English;
 * the case manager chosen for the import or named per row; the template with its example row.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../../../tests/support/harness.js';
import { auditRows, makeUser } from '../../../../tests/support/factories.js';
import {
  loggedInPilotComune,
  makePilotComune,
  pilotFingerprint,
  type LoggedInPilotComune,
} from '../../../../tests/support/pilot-factories.js';
import type { OrProblem, Schema } from '../../../../tests/support/schema.js';

type Report = Schema<'PilotImportReport'>;
type Mode = 'dry_run' | 'all' | 'valid_only';

let t: TestApp;
let c: LoggedInPilotComune;
let ref: Agent;

beforeAll(async () => {
  t = await startTestApp();
});
beforeEach(async () => {
  c = await loggedInPilotComune(t);
  ref = c.as.referente;
});
afterAll(async () => t.close());

const header =
  'cognome;nomi;data_nascita;sesso;paese_nascita;cittadinanze;lingue;codice_fiscale;telefono;email;indirizzo;data_presa_in_carico;in_sai';
/** Windows-1252 as Excel writes it (Latin-1 for the accented letters). */
const cp1252 = (s: string) => Buffer.from(s, 'latin1');
const crlf = (lines: string[]) => [...lines, ''].join('\r\n');

function post(agent: Agent, file: Buffer, mode: Mode, extra: Record<string, unknown> = {}, headers = {}) {
  return agent.request<OrProblem<Report>>(
    'POST',
    '/api/v1/pilot/import',
    { format: 'csv', content: file.toString('base64'), mode, ...extra },
    { headers },
  );
}

/** The case of an imported row, read back by the referente. */
async function caseOf(pseudonym: string) {
  const page = await ref.get<{ items: { id: string }[] }>(`/api/v1/pilot/cases?q=${encodeURIComponent(pseudonym)}`);
  const res = await ref.get<Schema<'PilotCaseDetail'>>(`/api/v1/pilot/cases/${page.body.items[0]!.id}`);
  return res.body;
}

describe('files as people write them', () => {
  it('imports Excel’s Windows-1252 CSV (";", CRLF) with 05/03/1990 dates, Italian names and | between values', async () => {
    const file = cp1252(
      crlf([
        header,
        'Prova;Nicolò;05/03/1990;M;Marocco;Marocco|Tunisia;arabo|francese;;;;;2/1/2026;sì',
        'Prova;Àngela;1991-03-04;Femmina;India;india;hindi|inglese;;;;;15/05/2026;NO',
      ]),
    );
    const res = await post(ref, file, 'all');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'windows-1252', imported: 2, invalid: 0 });
    const first = await caseOf(res.body.report[0]!.pseudonym!);
    expect(first.openedOn).toBe('2026-01-02');
    expect(first.inSai).toBe(true);
    expect(first.members[0]).toMatchObject({
      birthCountry: 'MA',
      nationalities: ['MA', 'TN'],
      languages: ['ar', 'fr'],
      identity: { givenNames: 'Nicolò', birthDate: '1990-03-05' },
    });
    const second = await caseOf(res.body.report[1]!.pseudonym!);
    expect(second.inSai).toBe(false);
    expect(second.members[0]).toMatchObject({ sex: 'F', birthCountry: 'IN', languages: ['hi', 'en'] });
  });

  it('imports a UTF-8 file with a byte-order mark', async () => {
    const text = crlf([header, 'Segno;Òrdine;5/3/1990;M;Senegal;SN;wolof;;;;;01/06/2026;si']);
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const res = await post(ref, file, 'all');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'utf-8', imported: 1 });
  });

  it('refuses a row with a stray ";" as a whole, without shifting its columns into errors, and reads the others', async () => {
    const file = cp1252(
      crlf([
        header,
        'Giusta;Una;05/03/1990;M;MA;MA;ar;;;;;02/01/2026;si',
        'Spostata;Due;05/03/1990;M;MA;MA;ar;fr;;;;;02/01/2026;si',
      ]),
    );
    const res = await post(ref, file, 'dry_run');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: 1, invalid: 1 });
    const row = res.body.report.find((r) => r.row === 3)!;
    expect(row.errors).toEqual([
      {
        column: null,
        value: null,
        reason: expect.stringContaining("la riga ha 14 valori ma l'intestazione ha 13 colonne"),
        message: expect.stringMatching(/^Riga 3: la riga ha 14 valori .* con \| \(es\. Marocco\|Tunisia\)$/),
      },
    ]);
  });
});

describe('messages in the user’s language', () => {
  const badFile = () =>
    Buffer.from(
      crlf([
        // the header as the user wrote it: its spelling names the column in the messages
        header.replace('data_nascita', 'Data_Nascita'),
        'Errata;Una;31/02/1990;Q;XX;Marocco|Atlantide;xx;;;nome@;;05/03/90;forse',
      ]),
      'utf8',
    );

  it('names row, column (as in the file) and value in Italian, with no validator text', async () => {
    const res = await post(ref, badFile(), 'dry_run');
    expect(res.status).toBe(200);
    const messages = res.body.report[0]!.errors.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Riga 2, colonna 'Data_Nascita': '31/02/1990' non è una data valida (gg/mm/aaaa)",
        "Riga 2, colonna 'sesso': 'Q' non è un valore ammesso (F = Femmina, M = Maschio, X = Non specificato)",
        expect.stringMatching(/^Riga 2, colonna 'paese_nascita': 'XX' non è un paese riconosciuto/),
        expect.stringMatching(/^Riga 2, colonna 'cittadinanze': 'Atlantide' non è un paese riconosciuto/),
        expect.stringMatching(/^Riga 2, colonna 'lingue': 'xx' non è una lingua riconosciuta/),
        "Riga 2, colonna 'data_presa_in_carico': '05/03/90' non è una data valida (gg/mm/aaaa)",
        "Riga 2, colonna 'in_sai': 'forse' non è un valore ammesso (sì o no)",
        "Riga 2, colonna 'email': 'nome@' non è un indirizzo e-mail valido",
      ]),
    );
    expect(res.body.report[0]!.errors.find((e) => e.column === 'Data_Nascita')).toMatchObject({
      value: '31/02/1990',
      reason: "'31/02/1990' non è una data valida (gg/mm/aaaa)",
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Invalid|expected|YYYY|ISO 3166/);
  });

  it('answers in English when the user asks for it, by Accept-Language or by lang', async () => {
    for (const res of [
      await post(ref, badFile(), 'dry_run', {}, { 'accept-language': 'en-GB,en;q=0.9,it;q=0.5' }),
      await post(ref, badFile(), 'dry_run', { lang: 'en' }),
    ]) {
      const messages = res.body.report[0]!.errors.map((e) => e.message);
      expect(messages).toContain("Row 2, column 'Data_Nascita': '31/02/1990' is not a valid date (dd/mm/yyyy)");
      expect(messages).toContain("Row 2, column 'in_sai': 'forse' is not an allowed value (yes or no)");
      expect(messages).toContain(
        "Row 2, column 'sesso': 'Q' is not an allowed value (F = Female, M = Male, X = Not specified)",
      );
    }
    // Italian first: an Accept-Language that prefers Italian, or names neither, gets Italian
    const it = await post(ref, badFile(), 'dry_run', {}, { 'accept-language': 'it-IT,it;q=0.9,en;q=0.8' });
    expect(it.body.report[0]!.errors[0]!.message).toMatch(/^Riga 2/);
  });

  it('refuses the whole file in mode "all" with each issue under its row and column, in words', async () => {
    const before = await pilotFingerprint(t.db);
    const res = await post(ref, badFile(), 'all');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'pilot.import_invalid',
      detail: '1 righe non valide: nessuna riga importata. Correggere il file o importare solo le righe valide.',
    });
    const issues = (res.body as unknown as { errors: { path: string; message: string }[] }).errors;
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'row 2.Data_Nascita',
        message: "'31/02/1990' non è una data valida (gg/mm/aaaa)",
      }),
    );
    expect(await pilotFingerprint(t.db)).toEqual(before);
  });

  it('says in words which columns are missing', async () => {
    const res = await post(ref, Buffer.from('cognome;nomi\r\nA;B\r\n'), 'dry_run', { lang: 'en' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      detail: expect.stringContaining('Missing columns: data_nascita, sesso, paese_nascita'),
    });
  });
});

describe('the case manager of imported cases', () => {
  const row = (name: string, manager = '') =>
    `Assegnati;${name};05/03/1990;F;Marocco;Marocco;;;;;;02/01/2026;si;${manager}`;
  const file = (lines: string[]) => Buffer.from(crlf([`${header};case_manager`, ...lines]), 'utf8');

  it('gives the cases to the operatore the referente chooses, who then sees them', async () => {
    const res = await post(ref, file([row('Uno')]), 'all', { caseManagerId: c.operatore.id });
    expect(res.status).toBe(200);
    expect(res.body.report[0]).toMatchObject({ status: 'imported', caseManager: 'Utente di prova operatore' });
    const kase = await caseOf(res.body.report[0]!.pseudonym!);
    expect(kase.owner.id).toBe(c.operatore.id);
    const seen = await c.as.operatore.get<{ items: { pseudonym: string }[] }>('/api/v1/pilot/cases');
    expect(seen.body.items.map((i) => i.pseudonym)).toContain(res.body.report[0]!.pseudonym);
    const [audit] = await auditRows(t.db, `action = 'pilot.import' AND actor_user_id = $1`, [c.referente.id]);
    expect(audit!.details.caseManagers).toEqual([c.operatore.id]);
  });

  it('gives each row to the operatore its case_manager column names by e-mail, in any case', async () => {
    const second = await makeUser(t.db, { roles: ['operatore'], org: c.enteOrg });
    const res = await post(
      ref,
      file([row('Uno', c.operatore.email.toUpperCase()), row('Due', second.email), row('Tre')]),
      'all',
      { caseManagerId: c.operatore.id },
    );
    expect(res.status).toBe(200);
    const owners = [];
    for (const r of res.body.report) owners.push((await caseOf(r.pseudonym!)).owner.id);
    expect(owners).toEqual([c.operatore.id, second.id, c.operatore.id]);
  });

  it('refuses a case manager who is not an active operatore or referente of the Comune', async () => {
    const other = await makePilotComune(t.db);
    const disabled = await makeUser(t.db, { roles: ['operatore'], org: c.enteOrg, status: 'disabled' });
    for (const id of [other.operatore.id, c.amministrativo.id, disabled.id]) {
      const res = await post(ref, file([row('Uno')]), 'dry_run', { caseManagerId: id });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'pilot.invalid',
        detail: 'La persona scelta come case manager non è un operatore o referente attivo di questo Comune.',
      });
    }
    const res = await post(
      ref,
      file([row('Uno', c.amministrativo.email), row('Due', 'nessuno@example.org')]),
      'dry_run',
    );
    expect(res.body.report.map((r) => r.errors[0]?.message)).toEqual([
      `Riga 2, colonna 'case_manager': '${c.amministrativo.email}' non è l'e-mail di un operatore o referente attivo di questo Comune`,
      "Riga 3, colonna 'case_manager': 'nessuno@example.org' non è l'e-mail di un operatore o referente attivo di questo Comune",
    ]);
  });

  it('lists the Comune’s operatori and referenti for the picker, and no one else', async () => {
    await makePilotComune(t.db);
    const res = await ref.get<Schema<'PilotImportCaseManagers'>>('/api/v1/pilot/import/case-managers');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.id).sort()).toEqual([c.operatore.id, c.referente.id].sort());
    expect((await c.as.amministrativo.get('/api/v1/pilot/import/case-managers')).status).toBe(403);
  });
});

describe('the template', () => {
  it('is a CSV Excel reads (BOM, ";", CRLF) with the header and a fake example row that imports', async () => {
    const res = await ref.get('/api/v1/pilot/import/template.csv');
    expect(res.status).toBe(200);
    const bytes = res.raw.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(`${header};case_manager`);
    expect(lines[1]).toContain('Esempio;Riga Da Cancellare;05/03/1990');
    const dry = await post(ref, bytes, 'dry_run');
    expect(dry.body).toMatchObject({ rows: 1, valid: 1, invalid: 0 });
  });

  it('is an XLSX whose second sheet explains every column, with the countries and languages', async () => {
    const res = await ref.get('/api/v1/pilot/import/template.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Beneficiari', 'Istruzioni', 'Paesi', 'Lingue']);
    const help = wb.worksheets[1]!;
    const rows: string[][] = [];
    help.eachRow((r) => rows.push((r.values as string[]).slice(1)));
    expect(rows[0]).toEqual(['Colonna', 'Obbligatoria', 'Formato e valori ammessi', 'Esempio']);
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r[0] === 'sesso')).toEqual([
      'sesso',
      'sì',
      'Uno di: F = Femmina, M = Maschio, X = Non specificato.',
      'M',
    ]);
    expect(rows.find((r) => r[0] === 'lingue')![1]).toBe('no');
    const countries: string[] = [];
    wb.worksheets[2]!.eachRow((r) => countries.push(`${r.getCell(1).text}=${r.getCell(2).text}`));
    expect(countries).toEqual(expect.arrayContaining(['MA=Marocco', 'IN=India']));
    const dry = await post(ref, res.raw.rawPayload, 'dry_run', { format: 'xlsx' });
    expect(dry.body).toMatchObject({ rows: 1, valid: 1 });
    const english = await ref.get('/api/v1/pilot/import/template.xlsx?lang=en');
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.raw.rawPayload as unknown as ArrayBuffer);
    expect(en.worksheets.map((w) => w.name)).toEqual(['Beneficiaries', 'Instructions', 'Countries', 'Languages']);
  });
});
